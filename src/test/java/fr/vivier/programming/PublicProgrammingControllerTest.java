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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicProgrammingControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    ProgrammingService programming;

    /** A made-up word only this test's lines contain, so that other tests' lines never count. */
    private static String marker() {
        return UniqueWords.next();
    }

    private List<String> objectsFound(WebClient visitor, String query) {
        Document page = visitor.page("/programmation?" + query);
        return page.select(".resultat h3").eachText();
    }

    @Test
    void visitorsSeePublishedLinesOnlyWithFrenchTextMatching() {
        String marker = marker();
        TestLines.published(programming, draft -> draft.object = "Élagage des arbres " + marker);
        TestLines.create(programming, draft -> draft.object = "Élagage des platanes " + marker);
        WebClient visitor = new WebClient(server.getURI());
        assertEquals(List.of("Élagage des arbres " + marker), objectsFound(visitor, "q=elagage+" + marker));
        assertEquals(List.of("Élagage des arbres " + marker), objectsFound(visitor, "q=l%27%C3%A9lagage+de+l%27arbre+" + marker));
        Document empty = visitor.page("/programmation?q=piscine+" + marker);
        assertTrue(empty.text().contains("Aucune ligne publiée ne correspond à ces critères."));
    }

    @Test
    void aLineInBondyConcernsWhoeverLooksAtEstEnsembleAndTheReverse() {
        String marker = marker();
        TestLines.published(programming, draft -> {
            draft.object = "Travaux à Bondy " + marker;
            draft.places = "93010";
        });
        TestLines.published(programming, draft -> {
            draft.object = "Prestation sur tout Est Ensemble " + marker;
            draft.places = "200057875";
        });
        TestLines.published(programming, draft -> {
            draft.object = "Prestation à Lyon " + marker;
            draft.places = "69123";
        });
        WebClient visitor = new WebClient(server.getURI());
        assertEquals(2, objectsFound(visitor, "q=" + marker + "&lieu=200057875").size());
        assertEquals(2, objectsFound(visitor, "q=" + marker + "&lieu=Bondy").size());
        assertEquals(List.of("Travaux à Bondy " + marker, "Prestation sur tout Est Ensemble " + marker).stream().sorted().toList(),
            objectsFound(visitor, "q=" + marker + "&lieu=93").stream().sorted().toList());
        assertEquals(List.of("Prestation sur tout Est Ensemble " + marker), objectsFound(visitor, "q=" + marker + "&lieu=93048"));
        HttpResponse<String> unknown = visitor.get("/programmation?lieu=Atlantide");
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("Lieu inconnu"));
    }

    @Test
    void filtersNarrowAndShowTheirCounts() {
        String marker = marker();
        TestLines.published(programming, draft -> {
            draft.object = "Repas " + marker;
            draft.quarter = "1";
            draft.amount = "30 000";
            draft.reservation = "SIAE";
        });
        TestLines.published(programming, draft -> {
            draft.object = "Chantier " + marker;
            draft.quarter = "3";
            draft.amount = "500 000";
        });
        WebClient visitor = new WebClient(server.getURI());
        Document page = visitor.page("/programmation?q=" + marker);
        assertEquals("1er trimestre (1)", page.selectFirst("label[for=trimestre-1]").text());
        assertEquals("3e trimestre (1)", page.selectFirst("label[for=trimestre-3]").text());
        assertTrue(page.selectFirst("label[for=reserve-oui]").text().endsWith("(1)"));
        assertEquals(List.of("Repas " + marker), objectsFound(visitor, "q=" + marker + "&trimestre=1"));
        assertEquals(List.of("Repas " + marker), objectsFound(visitor, "q=" + marker + "&reserve=oui"));
        assertEquals(List.of("Chantier " + marker), objectsFound(visitor, "q=" + marker + "&montant=FROM_215K_TO_1M"));
        assertEquals(List.of("Chantier " + marker), objectsFound(visitor, "q=" + marker + "&groupe=espaces-verts&trimestre=3"));
    }

    private static String count(Document page, String id) {
        var label = page.selectFirst("label[for=" + id + "]");
        return label == null ? "absent" : label.text().replaceAll(".*\\((\\d+)\\)$", "$1");
    }

    @Test
    void choosingOneValueOfAMultiValueFacetLeavesTheOtherValuesCountsAsTheOtherFiltersMakeThem() {
        String marker = marker();
        TestLines.published(programming, draft -> {
            draft.object = "Tonte " + marker;
            draft.sectors = List.of("espaces-verts-entretien");
            draft.quarter = "1";
        });
        TestLines.published(programming, draft -> {
            draft.object = "Vitres du printemps " + marker;
            draft.sectors = List.of("proprete-vitrerie");
            draft.quarter = "1";
        });
        TestLines.published(programming, draft -> {
            draft.object = "Vitres de l’été " + marker;
            draft.sectors = List.of("proprete-vitrerie");
            draft.quarter = "3";
        });
        WebClient visitor = new WebClient(server.getURI());

        Document oneSector = visitor.page("/programmation?q=" + marker + "&secteur=espaces-verts-entretien");
        assertEquals(List.of("Tonte " + marker), oneSector.select(".resultat h3").eachText());
        assertEquals("1", count(oneSector, "secteur-espaces-verts-entretien"));
        assertEquals("2", count(oneSector, "secteur-proprete-vitrerie"), "choisir un secteur ne met pas les autres à 0");
        assertEquals("2", count(oneSector, "groupe-proprete"), "groupes et secteurs forment une seule facette");
        assertEquals("1", count(oneSector, "trimestre-1"), "les trimestres se comptent dans le secteur choisi");
        assertEquals("0", count(oneSector, "trimestre-3"));
        assertEquals(3, objectsFound(visitor, "q=" + marker + "&secteur=espaces-verts-entretien&secteur=proprete-vitrerie").size());

        Document sectorAndQuarter = visitor.page("/programmation?q=" + marker + "&secteur=proprete-vitrerie&trimestre=1");
        assertEquals(List.of("Vitres du printemps " + marker), sectorAndQuarter.select(".resultat h3").eachText());
        assertEquals("1", count(sectorAndQuarter, "secteur-espaces-verts-entretien"), "les secteurs se comptent au 1er trimestre");
        assertEquals("1", count(sectorAndQuarter, "secteur-proprete-vitrerie"));
        assertEquals("1", count(sectorAndQuarter, "trimestre-1"));
        assertEquals("1", count(sectorAndQuarter, "trimestre-3"), "les trimestres se comptent dans le secteur choisi, sans le trimestre choisi");
        assertEquals("1", count(sectorAndQuarter, "montant-FROM_40K_TO_90K"), "les tranches se comptent dans le secteur et le trimestre choisis");
        assertEquals("3", count(visitor.page("/programmation?q=" + marker + "&montant=UNDER_40K"), "montant-FROM_40K_TO_90K"),
            "une tranche choisie sans résultat laisse compter les autres");
    }

    @Test
    void eachPublishedLineHasItsPageAndUnpublishedOnesAreNotFound() {
        String marker = marker();
        long id = TestLines.published(programming, draft -> {
            draft.object = "Nettoyage <b>gras</b> " + marker;
            draft.lot("Lot unique " + marker, "espaces-verts-entretien", "10 000");
        });
        ProgrammingLine line = programming.find(id).orElseThrow();
        WebClient visitor = new WebClient(server.getURI());
        HttpResponse<String> page = visitor.get("/programmation/" + line.year() + "/" + line.reference());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Nettoyage &lt;b&gt;gras&lt;/b&gt;"), "le HTML saisi est affiché comme du texte");
        assertTrue(page.body().contains("Lot unique " + marker));

        programming.setPublished(id, false, TestLines.staff());
        assertEquals(404, visitor.get("/programmation/" + line.year() + "/" + line.reference()).statusCode());
        assertEquals(404, visitor.get("/api/v1/programming/" + line.year() + "/" + line.reference()).statusCode());
        assertFalse(visitor.get("/api/v1/programming/" + line.year() + ".csv").body().contains(marker));
    }

    @Test
    void openDataGivesTheSameLinesAsJsonAndCsv() {
        String marker = marker();
        long id = TestLines.published(programming, draft -> {
            draft.object = "Fournitures " + marker;
            draft.amount = "12 345,67";
            draft.year = "2029";
        });
        ProgrammingLine line = programming.find(id).orElseThrow();
        WebClient visitor = new WebClient(server.getURI());
        HttpResponse<String> json = visitor.get("/api/v1/programming?q=" + marker);
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains("\"total\":1"), json.body());
        assertTrue(json.body().contains("\"estimatedAmount\":12345.67"), json.body());
        HttpResponse<String> one = visitor.get("/api/v1/programming/2029/" + line.reference());
        assertTrue(one.body().contains("\"reference\":\"" + line.reference() + "\""), one.body());
        HttpResponse<String> csv = visitor.get("/api/v1/programming/2029.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-disposition").orElse("").contains("programmation-2029.csv"));
        assertTrue(csv.body().contains(line.reference() + ";Fournitures " + marker), csv.body());
        assertTrue(csv.body().contains("12345.67"));
        assertEquals(400, visitor.get("/api/v1/programming?lieu=Atlantide").statusCode());
    }
}
