package fr.vivier.indicators;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quarterly report, read as a page and as a PDF rendered to an image the way a reader's viewer would. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    IndicatorSettings settings;
    @Inject
    IndicatorCatalogue catalogue;

    @org.junit.jupiter.api.BeforeAll
    void recontactIsFollowed() {
        assertTrue(settings.save(catalogue.find("RECONTACT").orElseThrow(), new SettingForm("on", null, "", "2037", "", "", ""), true,
            "Agent de test").isEmpty());
    }

    private WebClient staff() {
        WebClient staff = new WebClient(server.getURI());
        assertEquals(303, staff.signIn(TestAccounts.create(accounts, Role.STAFF), TestAccounts.PASSWORD).statusCode());
        return staff;
    }

    @Test
    void theReportPageShowsTheSummaryTheToDoAndEachIndicatorUpToTheQuarter() {
        HttpResponse<String> answer = staff().get("/agents/indicateurs/rapport?annee=2026&trimestre=2");
        assertEquals(200, answer.statusCode());
        Document page = Jsoup.parse(answer.body());
        assertEquals("Indicateurs du SPASER — rapport du 2e trimestre 2026", page.selectFirst("h1").text());
        assertTrue(page.text().contains("À renseigner (qualité des données)"));
        assertTrue(page.select("h3").stream().anyMatch(h -> h.text().equals("Demandes de recontact traitées et délai médian")));
        // quarters after the 2nd are left out of each indicator's table
        assertTrue(page.select("table tbody th").stream().noneMatch(th -> th.text().equals("3e trimestre")));
        assertTrue(page.selectFirst("a[href^=/agents/indicateurs/rapport.pdf]").attr("href").contains("trimestre=2"));
    }

    @Test
    void aWrongQuarterIsSaidInFrench() {
        HttpResponse<String> answer = staff().get("/agents/indicateurs/rapport?annee=2026&trimestre=5");
        assertEquals(422, answer.statusCode());
        assertTrue(answer.body().contains(Years.QUARTER_ERROR));
    }

    @Test
    void thePdfRendersToAPageWithTheReportsTitleAndFigures() throws IOException {
        HttpResponse<byte[]> answer = staff().download("/agents/indicateurs/rapport.pdf?annee=2026&trimestre=4");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("content-type").orElse("").startsWith("application/pdf"));
        try (PDDocument pdf = Loader.loadPDF(answer.body())) {
            assertTrue(pdf.getNumberOfPages() >= 1);
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Indicateurs du SPASER — rapport du 4e trimestre 2026"), text);
            assertTrue(text.contains("Synthèse"), text);
            assertTrue(text.contains("€"), "le symbole euro s’imprime : " + text);
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
            File screenshot = new File("target/rapport-indicateurs-page1.png");
            ImageIO.write(image, "png", screenshot);
            assertTrue(darkShare(image) > 0.01, "la page rendue porte du texte et des tableaux (" + darkShare(image) + ")");
        }
    }

    /** The share of pixels darker than mid-grey: a blank or failed rendering has none. */
    private static double darkShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = ((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114;
                if (luminance < 128_000) {
                    dark++;
                }
            }
        }
        return (double) dark / (image.getWidth() * (long) image.getHeight());
    }
}
