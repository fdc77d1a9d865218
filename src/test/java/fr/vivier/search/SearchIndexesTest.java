package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexesTest implements IntegrationTest {
    @Inject
    SearchIndexes indexes;
    @Inject
    ElasticsearchClient client;
    @Inject
    SearchConfiguration configuration;

    @Test
    void suppliersAliasPointsAtAVersionedIndexWithTheRepositoryMapping() throws IOException {
        assertTrue(indexes.isReady());
        String alias = configuration.alias("suppliers");
        Set<String> indices = client.indices().getAlias(a -> a.name(alias)).aliases().keySet();
        assertEquals(1, indices.size());
        String index = indices.iterator().next();
        assertTrue(index.startsWith(alias + "-"), index);
        var mapping = client.indices().getMapping(m -> m.index(alias)).get(index).mappings();
        assertTrue(mapping.properties().containsKey("nameTokens"));
    }

    @Test
    void applyingTheMappingsAgainCreatesNothingAndDeletesNothing() throws IOException {
        String alias = configuration.alias("suppliers");
        Set<String> before = client.indices().getAlias(a -> a.name(alias)).aliases().keySet();
        assertTrue(indexes.ensureIndexes());
        Set<String> after = client.indices().getAlias(a -> a.name(alias)).aliases().keySet();
        assertEquals(before, after);
    }
}
