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
    private final AtomicBoolean ready = new AtomicBoolean();

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
            return;
        }
        String versioned = alias + "-" + VERSION.format(clock.instant());
        try (InputStream mapping = mapping(index)) {
            client.indices().create(CreateIndexRequest.of(c -> c.index(versioned).withJson(mapping)
                .aliases(alias, a -> a.isWriteIndex(true))));
        }
        LOG.info("created search index {} behind alias {}", versioned, alias);
    }

    /** The settings and mappings of search-mappings/NAME.json (packaged on the classpath). */
    public static InputStream mapping(String index) {
        InputStream in = SearchIndexes.class.getResourceAsStream("/search-mappings/" + index + ".json");
        if (in == null) {
            throw new UncheckedIOException(new IOException("search-mappings/" + index + ".json absent du classpath"));
        }
        return in;
    }
}
