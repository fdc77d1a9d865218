package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import fr.vivier.directory.SupplierDirectory;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Rebuilds the suppliers index from PostgreSQL into a new versioned index, then switches the alias in one
 * atomic call: searches keep using the old index during the rebuild. Changes that arrive meanwhile are
 * replayed into the new index afterwards (their outbox rows are marked pending again; external versions
 * make the replay harmless). Started by `./vivier reindex`, the staff page, or a mapping change at start-up.
 */
@Singleton
public class SupplierReindexer {
    private static final Logger LOG = LoggerFactory.getLogger(SupplierReindexer.class);
    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final SearchIndexes indexes;
    private final SearchConfiguration configuration;
    private final SupplierDirectory directory;
    private final SupplierDocuments documents;
    private final ExecutorService executor;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Progress progress = new Progress(State.IDLE, 0, 0, null, null, null);

    /** Where the last rebuild stands, with the word the staff page shows. */
    public enum State {
        IDLE("Aucune"), RUNNING("En cours"), DONE("Terminée"), FAILED("Échec");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Progress(State state, long total, long done, Instant startedAt, Instant finishedAt, String error) {
        public int percent() {
            return total == 0 ? (state == State.DONE ? 100 : 0) : (int) (done * 100 / total);
        }
    }

    SupplierReindexer(ElasticsearchClient client, SearchIndexes indexes, SearchConfiguration configuration,
                      SupplierDirectory directory, SupplierDocuments documents,
                      @Named(TaskExecutors.IO) ExecutorService executor, Clock clock) {
        this.client = client;
        this.indexes = indexes;
        this.configuration = configuration;
        this.directory = directory;
        this.documents = documents;
        this.executor = executor;
        this.clock = clock;
    }

    /** After SearchIndexes applied the mappings: an index built from an older mapping is rebuilt in the background. */
    @EventListener
    @Order(200)
    void onStartup(StartupEvent event) {
        if (indexes.outdated().contains("suppliers")) {
            startInBackground();
        }
    }

    public Progress progress() {
        return progress;
    }

    /** Starts a rebuild unless one is running; returns false when one already is. */
    public boolean startInBackground() {
        if (running.get()) {
            return false;
        }
        executor.submit(() -> reindex(p -> { }));
        return true;
    }

    /** Rebuilds now, reporting progress; returns the name of the new index. */
    public String reindex(Consumer<Progress> listener) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("Une reconstruction de l’index est déjà en cours.");
        }
        Instant started = clock.instant();
        try {
            // the documents get the newest change's id as version; changes made meanwhile are replayed into the new index
            long startId = directory.lastChangeId();
            long total = directory.publishedCount();
            report(listener, new Progress(State.RUNNING, total, 0, started, null, null));
            String newIndex = indexes.createVersionedIndex("suppliers");
            long done = fill(newIndex, startId, total, started, listener);
            client.indices().refresh(r -> r.index(newIndex));
            Set<String> oldIndices = switchAlias(newIndex);
            directory.replayChangesSince(startId);
            for (String old : oldIndices) {
                client.indices().delete(d -> d.index(old));
            }
            indexes.rebuilt("suppliers");
            report(listener, new Progress(State.DONE, total, done, started, clock.instant(), null));
            LOG.info("suppliers index rebuilt: {} documents into {}", done, newIndex);
            return newIndex;
        } catch (IOException | RuntimeException e) {
            report(listener, new Progress(State.FAILED, progress.total(), progress.done(), started, clock.instant(), e.getMessage()));
            LOG.error("suppliers index rebuild failed", e);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            running.set(false);
        }
    }

    private long fill(String index, long version, long total, Instant started, Consumer<Progress> listener) throws IOException {
        long done = 0;
        long after = 0;
        List<Long> ids;
        while (!(ids = directory.publishedIdsAfter(after, PAGE)).isEmpty()) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            var built = documents.forSuppliers(ids);
            built.forEach((id, document) -> bulk.operations(op -> op.index(i -> i.index(index).id(id.toString())
                .version(version).versionType(VersionType.External).document(document))));
            int operations = built.size();
            if (operations > 0) {
                var response = client.bulk(bulk.build());
                if (response.errors()) {
                    throw new IllegalStateException("indexation refusée pendant la reconstruction");
                }
            }
            done += operations;
            after = ids.get(ids.size() - 1);
            report(listener, new Progress(State.RUNNING, total, done, started, null, null));
        }
        return done;
    }

    private Set<String> switchAlias(String newIndex) throws IOException {
        String alias = configuration.alias("suppliers");
        Set<String> old = client.indices().existsAlias(a -> a.name(alias)).value()
            ? client.indices().getAlias(a -> a.name(alias)).aliases().keySet() : Set.of();
        client.indices().updateAliases(u -> {
            old.forEach(index -> u.actions(a -> a.remove(r -> r.index(index).alias(alias))));
            return u.actions(a -> a.add(add -> add.index(newIndex).alias(alias).isWriteIndex(true)));
        });
        return old;
    }

    private void report(Consumer<Progress> listener, Progress current) {
        progress = current;
        listener.accept(current);
    }
}
