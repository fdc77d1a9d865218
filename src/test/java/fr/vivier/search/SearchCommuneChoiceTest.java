package fr.vivier.search;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** « Lieu d’exécution » on /fournisseurs: homonyms are offered (the authority's territory first), never guessed. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCommuneChoiceTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Test
    void anAmbiguousPlaceIsOfferedTerritoryFirstAndFiltersNothingUntilChosen() {
        Document page = new WebClient(server.getURI()).page("/fournisseurs?communeRecherche=Montreuil");
        assertEquals(List.of("", "93048", "85148", "28267"), page.select("#champ-communeChoix option").eachAttr("value"));
        assertTrue(page.select("#champ-communeChoix option[selected]").isEmpty(), "no guess preselected");
        assertEquals("Montreuil — Seine-Saint-Denis (93), 93100", page.select("#champ-communeChoix option").get(1).text());
        assertEquals("Montreuil", page.selectFirst("#champ-commune").val());
    }

    @Test
    void aPlaceWrittenWithItsDepartementIsTakenAsIs() {
        Document page = new WebClient(server.getURI()).page("/fournisseurs?communeRecherche=Montreuil+%2893%29");
        assertNull(page.selectFirst("#champ-communeChoix"));
        assertEquals("Montreuil (93)", page.selectFirst("#champ-commune").val());
        Document chosen = new WebClient(server.getURI()).page("/fournisseurs?communeRecherche=Montreuil&commune=85148");
        assertEquals("Montreuil (85)", chosen.selectFirst("#champ-commune").val());
    }
}
