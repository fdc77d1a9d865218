package fr.vivier.testsupport;

import io.micronaut.test.support.TestPropertyProvider;

import java.util.HashMap;
import java.util.Map;

/** Implemented by test classes that need the real services (with @TestInstance(PER_CLASS)). */
public interface IntegrationTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestServices.properties());
        properties.put("vivier.mail.poll-interval", "200ms");
        properties.putAll(extraProperties());
        return properties;
    }

    /** Per-class overrides, e.g. an unreachable Elasticsearch. */
    default Map<String, String> extraProperties() {
        return Map.of();
    }
}
