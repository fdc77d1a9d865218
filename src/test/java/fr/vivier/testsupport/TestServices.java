package fr.vivier.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the tests find PostgreSQL, Elasticsearch and the SMTP catcher. `./vivier test` starts real local
 * services and passes them through VIVIER_* environment variables; without them, and with a Docker
 * engine, Testcontainers starts the same services in containers (once for the whole run).
 */
public final class TestServices {
    private static Map<String, String> containerProperties;

    private TestServices() {
    }

    public static synchronized Map<String, String> properties() {
        if (System.getenv("VIVIER_DATABASE_URL") != null) {
            return Map.of();
        }
        if (containerProperties == null) {
            containerProperties = startContainers();
        }
        return containerProperties;
    }

    /** The REST API of the SMTP catcher (GreenMail), to read the mails the portal sent. */
    public static String mailCatcherApi() {
        String fromEnv = System.getenv("VIVIER_MAIL_CATCHER_API");
        if (fromEnv != null) {
            return fromEnv;
        }
        properties();
        return containerProperties.get("test.mail-catcher-api");
    }

    private static Map<String, String> startContainers() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("Ni services fournis (VIVIER_DATABASE_URL…) ni moteur Docker : lancez les tests avec ./vivier test");
        }
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17").withDatabaseName("vivier_test");
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:9.5.3")
            .withEnv("xpack.security.enabled", "false").withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        GenericContainer<?> greenmail = new GenericContainer<>("greenmail/standalone:2.1.13").withExposedPorts(3025, 8080);
        postgres.start();
        elasticsearch.start();
        greenmail.start();
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", postgres.getJdbcUrl());
        properties.put("datasources.default.username", postgres.getUsername());
        properties.put("datasources.default.password", postgres.getPassword());
        properties.put("vivier.elasticsearch.url", "http://" + elasticsearch.getHttpHostAddress());
        properties.put("vivier.search.index-prefix", "test-");
        properties.put("vivier.mail.smtp-host", greenmail.getHost());
        properties.put("vivier.mail.smtp-port", String.valueOf(greenmail.getMappedPort(3025)));
        properties.put("test.mail-catcher-api", "http://" + greenmail.getHost() + ":" + greenmail.getMappedPort(8080));
        return properties;
    }
}
