package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierReindexerTest implements IntegrationTest {
    @Inject
    SupplierReindexer reindexer;
    @Inject
    DirectoryService directory;
    @Inject
    SupplierSearch search;
    @Inject
    ElasticsearchClient client;
    @Inject
    SearchConfiguration configuration;
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;

    @Test
    void rebuildFillsANewIndexSwitchesTheAliasAndKeepsEverySupplierFindable() throws IOException {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Reconstruction " + word;
            d.kind = "COMPANY";
            d.sectors = List.of("proprete-locaux");
            d.areas = List.of(new SupplierInput.AreaInput("COMMUNE", "93010"));
            d.description = "";
        });
        SearchQuery query = new SearchQuery(word, List.of(), List.of(), List.of(), List.of(), List.of(), null, false, false,
            SearchQuery.Sort.RELEVANCE, 1, 20);
        Await.until(() -> search.search(query).total() == 1, Duration.ofSeconds(5));
        String alias = configuration.alias("suppliers");
        Set<String> before = client.indices().getAlias(a -> a.name(alias)).aliases().keySet();

        List<SupplierReindexer.Progress> progress = new ArrayList<>();
        String newIndex = reindexer.reindex(progress::add);

        Set<String> after = client.indices().getAlias(a -> a.name(alias)).aliases().keySet();
        assertEquals(Set.of(newIndex), after);
        assertFalse(before.contains(newIndex));
        assertFalse(client.indices().exists(e -> e.index(List.copyOf(before))).value(), "the old index is deleted");
        assertEquals(SupplierReindexer.State.DONE, progress.get(progress.size() - 1).state());
        assertEquals(100, progress.get(progress.size() - 1).percent());
        assertTrue(progress.stream().anyMatch(p -> p.state() == SupplierReindexer.State.RUNNING));
        assertEquals(1, search.search(query).total());

        WebClient staff = new WebClient(server.getURI());
        assertEquals(303, staff.signIn(TestAccounts.create(accounts, Role.STAFF), TestAccounts.PASSWORD).statusCode());
        assertTrue(staff.page("/agents/recherche").selectFirst("[role=status]").text().startsWith("Terminée"),
            "the staff page says how the last rebuild went");
    }
}
