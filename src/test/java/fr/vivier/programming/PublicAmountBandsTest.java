package fr.vivier.programming;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An authority that publishes amounts as bands ({@code vivier.programming.public-amounts = band}): the public page, the
 * line's page, the JSON and the CSV show the band of the line and of each lot, never the estimate; staff still see it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicAmountBandsTest implements IntegrationTest {
    private static final String LINE_BAND = AmountBand.FROM_40K_TO_90K.label();
    private static final String LOT_BAND = AmountBand.UNDER_40K.label();

    @Inject
    EmbeddedServer server;
    @Inject
    ProgrammingService programming;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.programming.public-amounts", "band");
    }

    @Test
    void visitorsSeeBandsInsteadOfTheEstimatedAmounts() {
        String marker = UniqueWords.next();
        String reference = TestLines.newReference();
        TestLines.published(programming, draft -> {
            draft.object = "Entretien des haies " + marker;
            draft.reference = reference;
            draft.amount = "85 321";
            draft.lot("Taille des haies", "espaces-verts-entretien", "12 345");
        });
        WebClient visitor = new WebClient(server.getURI());

        Document list = visitor.page("/programmation?q=" + marker);
        String result = spaced(list.selectFirst(".resultat").text());
        assertTrue(result.contains("De 40 000 à 90 000 € HT"), result);
        assertFalse(result.contains("85"), result);

        String line = spaced(visitor.page("/programmation/" + TestLines.YEAR + "/" + reference).selectFirst("main").text());
        assertTrue(line.contains("De 40 000 à 90 000 € HT"), line);
        assertTrue(line.contains("Moins de 40 000 € HT"), line);
        assertFalse(line.contains("85 321"), line);
        assertFalse(line.contains("12 345"), line);

        HttpResponse<String> json = visitor.get("/api/v1/programming/" + TestLines.YEAR + "/" + reference);
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains("\"amountBand\":\"" + LINE_BAND + "\""), json.body());
        assertTrue(json.body().contains("\"amountBand\":\"" + LOT_BAND + "\""), json.body());
        assertFalse(json.body().contains("85321"), json.body());
        assertFalse(json.body().contains("12345"), json.body());

        String csv = visitor.get("/api/v1/programming/" + TestLines.YEAR + ".csv").body();
        assertTrue(csv.contains("tranche_montant_ht"), csv.lines().findFirst().orElse(""));
        String row = csv.lines().filter(l -> l.contains(reference)).findFirst().orElseThrow();
        assertTrue(row.contains(LINE_BAND), row);
        assertFalse(row.contains("85321"), row);
    }

    /** Text as a person reads it: the narrow and non-breaking spaces of French numbers are spaces. */
    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
