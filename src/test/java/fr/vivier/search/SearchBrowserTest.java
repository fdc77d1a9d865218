package fr.vivier.search;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.Browser;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A buyer searches in a real browser, narrows with a facet, and goes back. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBrowserTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    SupplierSearch search;

    private WebDriver browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void facetClickNarrowsTheResultsAndTheUrlKeepsTheState() {
        String word = UniqueWords.next();
        List<SupplierInput.AreaInput> bondy = List.of(new SupplierInput.AreaInput("COMMUNE", "93010"));
        TestSuppliers.publish(directory, d -> {
            d.name = "Chantier vert " + word;
            d.kind = "ACI";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = bondy;
            d.description = "Entretien des espaces verts.";
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Paysagiste " + word;
            d.kind = "COMPANY";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = bondy;
            d.description = "Création de jardins.";
        });
        Await.until(() -> search.search(new SearchQuery(word, List.of(), List.of(), List.of(), List.of(), List.of(), null,
            false, false, SearchQuery.Sort.RELEVANCE, 1, 20)).total() == 2, Duration.ofSeconds(5));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(server.getURL() + "/fournisseurs");
        browser.findElement(By.id("champ-q")).sendKeys(word, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-resultats"), "2 fournisseurs trouvés"));

        browser.findElement(By.partialLinkText("Insertion (SIAE)")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-resultats"), "1 fournisseur trouvé"));
        assertTrue(browser.getCurrentUrl().contains("kind=SIAE"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.cssSelector(".resultats")).getText().contains("Chantier vert " + word));
        assertEquals("true", browser.findElement(By.cssSelector("a[aria-current=true]")).getAttribute("aria-current"));

        browser.navigate().back();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-resultats"), "2 fournisseurs trouvés"));
    }

    @Test
    void suggestionsOfferNamesAndSectors() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Zephyr " + word;
            d.kind = "COMPANY";
            d.sectors = List.of("proprete-locaux");
            d.areas = List.of(new SupplierInput.AreaInput("COMMUNE", "93010"));
            d.description = "";
        });
        Await.until(() -> new WebClient(server.getURI()).get("/api/v1/suppliers/suggest?q=Zephyr+" + word).body().contains(word),
            Duration.ofSeconds(5));
        assertTrue(new WebClient(server.getURI()).get("/api/v1/suppliers/suggest?q=nettoyage").body().contains("Nettoyage de locaux"));
    }
}
