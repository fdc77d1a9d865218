package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
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

    private final JdbcOperations jdbc;
    private final ElasticsearchClient client;
    private final SupplierDocuments documents;
    private final SearchConfiguration configuration;
    private final Clock clock;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile int consecutiveFailures;
    private volatile String lastError;

    SearchIndexer(JdbcOperations jdbc, ElasticsearchClient client, SupplierDocuments documents,
                  SearchConfiguration configuration, Clock clock) {
        this.jdbc = jdbc;
        this.client = client;
        this.documents = documents;
        this.configuration = configuration;
        this.clock = clock;
    }

    private record Pending(long outboxId, long supplierId) { }

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
        List<Pending> pending = lockPending();
        if (pending.isEmpty()) {
            return 0;
        }
        Map<Long, Long> latestVersion = new LinkedHashMap<>();
        pending.forEach(p -> latestVersion.merge(p.supplierId(), p.outboxId(), Math::max));
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
        markProcessed(pending);
        return pending.size();
    }

    @Transactional(readOnly = true)
    public Status status() {
        return jdbc.prepareStatement("""
            SELECT count(*), min(created_at) FROM search_outbox WHERE processed_at IS NULL""", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Status(rows.getLong(1), rows.getTimestamp(2) == null ? null : rows.getTimestamp(2).toInstant(),
                    consecutiveFailures, lastError);
            }
        });
    }

    /** The newest outbox id: a rebuild gives its documents this version. */
    @Transactional(readOnly = true)
    public long maxOutboxId() {
        return jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM search_outbox", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Changes made during a rebuild are applied again, to the new index. */
    @Transactional
    public void replayChangesSince(long outboxId) {
        jdbc.prepareStatement("UPDATE search_outbox SET processed_at = NULL WHERE id > ?", statement -> {
            statement.setLong(1, outboxId);
            return statement.executeUpdate();
        });
    }

    public record Status(long backlog, Instant oldestPending, int consecutiveFailures, String lastError) {
        public String oldestPendingFrench() {
            return oldestPending == null ? "—" : fr.vivier.web.FrenchFormat.dateTime(oldestPending);
        }
    }

    private BulkResponse send(BulkRequest request) {
        try {
            return client.bulk(request);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Pending> lockPending() {
        return jdbc.prepareStatement("""
            SELECT id, entity_id FROM search_outbox WHERE processed_at IS NULL AND entity = 'supplier'
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""", statement -> {
            statement.setInt(1, BATCH);
            List<Pending> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Pending(result.getLong(1), result.getLong(2)));
                }
            }
            return rows;
        });
    }

    private void markProcessed(List<Pending> pending) {
        jdbc.prepareStatement("UPDATE search_outbox SET processed_at = now(), attempts = attempts + 1 WHERE id = ANY (?)", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", pending.stream().map(Pending::outboxId).toArray()));
            return statement.executeUpdate();
        });
    }
}
