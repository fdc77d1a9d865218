package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.web.FrenchFormat;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drains the search outbox into Elasticsearch: bulk, idempotent (the outbox id is the document's external
 * version, so an older event never overwrites a newer one and replays are harmless), retried with exponential
 * backoff while Elasticsearch is down. Rows are locked with SKIP LOCKED, so several instances can run it.
 */
@Singleton
public class SearchIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 500;

    private final SupplierDirectory directory;
    private final ElasticsearchClient client;
    private final SupplierDocuments documents;
    private final SearchConfiguration configuration;
    private final Clock clock;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile int consecutiveFailures;
    private volatile String lastError;

    SearchIndexer(SupplierDirectory directory, ElasticsearchClient client, SupplierDocuments documents,
                  SearchConfiguration configuration, Clock clock) {
        this.directory = directory;
        this.client = client;
        this.documents = documents;
        this.configuration = configuration;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${vivier.search.poll-interval:250ms}", initialDelay = "${vivier.search.initial-delay:2s}")
    void drainOnSchedule() {
        if (clock.instant().isBefore(nextAttempt)) {
            return;
        }
        try {
            while (drainBatch() == BATCH) {
                // keep going while there is a backlog
            }
            consecutiveFailures = 0;
            lastError = null;
        } catch (RuntimeException e) {
            consecutiveFailures++;
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            Duration delay = Duration.ofMillis(Math.min(60_000, 500L << Math.min(consecutiveFailures, 7)));
            nextAttempt = clock.instant().plus(delay);
            LOG.warn("search outbox not drained (attempt {}), retry in {} ms: {}", consecutiveFailures, delay.toMillis(), lastError);
        }
    }

    /** Indexes one batch of pending changes; returns how many outbox rows it processed. */
    @Transactional
    public int drainBatch() {
        List<SupplierDirectory.Change> pending = directory.lockPendingChanges(BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        Map<Long, Long> latestVersion = new LinkedHashMap<>();
        pending.forEach(change -> latestVersion.merge(change.supplierId(), change.id(), Math::max));
        String alias = configuration.alias("suppliers");
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        Map<Long, SupplierDocument> built = documents.forSuppliers(latestVersion.keySet());
        latestVersion.forEach((supplierId, version) -> {
            SupplierDocument document = built.get(supplierId);
            if (document != null) {
                bulk.operations(op -> op.index(i -> i.index(alias).id(supplierId.toString()).version(version)
                    .versionType(VersionType.External).document(document)));
            } else {
                bulk.operations(op -> op.delete(d -> d.index(alias).id(supplierId.toString()).version(version)
                    .versionType(VersionType.External)));
            }
        });
        BulkResponse response = send(bulk.build());
        List<String> failures = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            boolean harmless = item.error() == null || item.status() == 409 || item.status() == 404;
            if (!harmless) {
                failures.add(item.id() + ": " + item.error().reason());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("indexation refusée : " + String.join("; ", failures));
        }
        directory.markApplied(pending);
        return pending.size();
    }

    public Status status() {
        SupplierDirectory.Backlog backlog = directory.changeBacklog();
        return new Status(backlog.count(), backlog.oldest(), consecutiveFailures, lastError);
    }

    public record Status(long backlog, Instant oldestPending, int consecutiveFailures, String lastError) {
        public String oldestPendingFrench() {
            return oldestPending == null ? "—" : FrenchFormat.dateTime(oldestPending);
        }
    }

    private BulkResponse send(BulkRequest request) {
        try {
            return client.bulk(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
