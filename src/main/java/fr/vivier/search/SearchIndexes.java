package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies the mappings of search-mappings/ at start-up: for each index, a versioned index
 * (e.g. suppliers-20261123t101500) is created behind its alias when the alias is absent. Nothing is ever
 * deleted here. When Elasticsearch is down the portal starts anyway and retries every 30 seconds.
 */
@Singleton
public class SearchIndexes {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexes.class);
    public static final List<String> INDEXES = List.of("suppliers");
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmssSSS").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final SearchConfiguration configuration;
    private final Clock clock;
    private static final String CHECKSUM = "mappingChecksum";
    private final AtomicBoolean ready = new AtomicBoolean();
    private final java.util.Set<String> outdated = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SearchIndexes(ElasticsearchClient client, SearchConfiguration configuration, Clock clock) {
        this.client = client;
        this.configuration = configuration;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ensureIndexes();
    }

    @Scheduled(fixedDelay = "30s", initialDelay = "30s")
    void retryUntilReady() {
        if (!ready.get()) {
            ensureIndexes();
        }
    }

    public boolean isReady() {
        return ready.get();
    }

    /** Creates the missing aliases; true when every alias exists. */
    public boolean ensureIndexes() {
        try {
            for (String index : INDEXES) {
                ensureIndex(index);
            }
            ready.set(true);
        } catch (IOException | RuntimeException e) {
            LOG.warn("search indexes not ready yet (Elasticsearch unreachable?): {}", e.getMessage());
        }
        return ready.get();
    }

    private void ensureIndex(String index) throws IOException {
        String alias = configuration.alias(index);
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            String current = client.indices().getAlias(a -> a.name(alias)).aliases().keySet().iterator().next();
            var meta = client.indices().getMapping(m -> m.index(current)).get(current).mappings().meta();
            String checksum = meta.containsKey(CHECKSUM) ? meta.get(CHECKSUM).to(String.class) : null;
            if (!mappingChecksum(index).equals(checksum)) {
                outdated.add(index);
                LOG.info("search index {} was built from another mapping: it will be rebuilt", current);
            }
            return;
        }
        String versioned = createVersionedIndex(index);
        client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(versioned).alias(alias).isWriteIndex(true))));
        LOG.info("created search index {} behind alias {}", versioned, alias);
    }

    /** Creates a new, empty index named ALIAS-TIMESTAMP with the repository's mapping (and its checksum in _meta). */
    public String createVersionedIndex(String index) throws IOException {
        String versioned = configuration.alias(index) + "-" + VERSION.format(clock.instant());
        String body = mappingWithChecksum(index);
        client.indices().create(CreateIndexRequest.of(c -> c.index(versioned).withJson(new java.io.StringReader(body))));
        return versioned;
    }

    /** Indexes whose mapping changed since they were built: to be rebuilt by the reindexer. */
    public java.util.Set<String> outdated() {
        return java.util.Set.copyOf(outdated);
    }

    void rebuilt(String index) {
        outdated.remove(index);
    }

    private String mappingWithChecksum(String index) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(mappingText(index));
        var mappings = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("mappings");
        var meta = mappings.has("_meta") ? (com.fasterxml.jackson.databind.node.ObjectNode) mappings.get("_meta") : mappings.putObject("_meta");
        meta.put(CHECKSUM, mappingChecksum(index));
        return json.writeValueAsString(tree);
    }

    private static String mappingChecksum(String index) {
        return fr.vivier.shared.SecretTokens.sha256(mappingText(index));
    }

    /** The settings and mappings of search-mappings/NAME.json (packaged on the classpath). */
    public static String mappingText(String index) {
        try (InputStream in = SearchIndexes.class.getResourceAsStream("/search-mappings/" + index + ".json")) {
            if (in == null) {
                throw new IOException("search-mappings/" + index + ".json absent du classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
