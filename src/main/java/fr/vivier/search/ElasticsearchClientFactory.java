package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;

/**
 * The Elasticsearch 9 client (micronaut-elasticsearch still brings the 8.x client). Short timeouts: when
 * Elasticsearch is down the portal must say so quickly, not hang.
 */
@Factory
class ElasticsearchClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Rest5Client restClient(@Value("${vivier.elasticsearch.url}") String url) {
        return Rest5Client.builder(URI.create(url))
            .setRequestConfigCallback(config -> config
                .setConnectionRequestTimeout(Timeout.ofSeconds(1))
                .setResponseTimeout(Timeout.ofSeconds(10)))
            .setConnectionConfigCallback(config -> config.setConnectTimeout(Timeout.ofSeconds(1)))
            .build();
    }

    @Singleton
    Rest5ClientTransport transport(Rest5Client restClient) {
        return new Rest5ClientTransport(restClient, new JacksonJsonpMapper());
    }

    @Singleton
    ElasticsearchClient elasticsearchClient(Rest5ClientTransport transport) {
        return new ElasticsearchClient(transport);
    }

    /** For searches, which must give up after a short, fixed time when Elasticsearch does not answer. */
    @Singleton
    co.elastic.clients.elasticsearch.ElasticsearchAsyncClient elasticsearchAsyncClient(Rest5ClientTransport transport) {
        return new co.elastic.clients.elasticsearch.ElasticsearchAsyncClient(transport);
    }
}
