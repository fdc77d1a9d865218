package fr.vivier.search;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.Browser;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.UniqueWords;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On a 375 px phone the results come first and the facets wait behind « Filtrer (n) »; on a wide screen they stand open. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneSearchBrowserTest implements IntegrationTest {
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

    /** Scrolls at once (the page scrolls smoothly otherwise, and the click would land while it moves), then clicks. */
    private void click(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    @Test
    void onAPhoneTheResultsComeFirstAndTheFiltersOpenOnDemand() {
        String word = UniqueWords.next();
        List<SupplierInput.AreaInput> bondy = List.of(new SupplierInput.AreaInput("COMMUNE", "93010"));
        TestSuppliers.publish(directory, draft -> {
            draft.name = "Chantier " + word;
            draft.legalForm = "SAS";
            draft.kind = "ACI";
            draft.areas = bondy;
            draft.description = "Tonte.";
        });
        TestSuppliers.publish(directory, draft -> {
            draft.name = "Paysagiste " + word;
            draft.legalForm = "SAS";
            draft.kind = "COMPANY";
            draft.areas = bondy;
            draft.description = "Tonte.";
        });
        Await.until(() -> search.search(new SearchQuery(word, List.of(), List.of(), List.of(), List.of(), List.of(), null,
            false, false, SearchQuery.Sort.RELEVANCE, 1, 20)).total() == 2, Duration.ofSeconds(5));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.manage().window().setSize(new Dimension(375, 800));
        browser.get(server.getURL() + "/fournisseurs?q=" + word + "&kind=SIAE&local=true");
        WebElement filters = browser.findElement(By.cssSelector("details.filtres"));
        assertEquals("Filtrer (2)", filters.findElement(By.cssSelector("summary span")).getText());
        assertFalse(browser.findElement(By.xpath("//a[contains(., 'Insertion (SIAE)')]")).isDisplayed(), "facets folded");
        WebElement first = browser.findElement(By.cssSelector(".resultats .resultat"));
        // the whole form and the folded filters stand above it: about a screen and a half, where it was 2 850 px down
        assertTrue(first.getRect().getY() < 1_100, "the first result comes before the filters: y=" + first.getRect().getY());

        click(filters.findElement(By.tagName("summary")));
        WebElement siae = browser.findElement(By.partialLinkText("Insertion (SIAE)"));
        wait.until(ExpectedConditions.visibilityOf(siae));
        click(siae);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-resultats"), "2 fournisseurs trouvés"));
        assertEquals("Filtrer (1)", browser.findElement(By.cssSelector("details.filtres summary span")).getText());

        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.navigate().refresh();
        assertTrue(browser.findElement(By.partialLinkText("Insertion (SIAE)")).isDisplayed(), "facets open beside the results");
        assertFalse(browser.findElement(By.cssSelector("details.filtres summary")).isDisplayed());
    }
}
