package fr.vivier.purchases;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.search.SearchQuery;
import fr.vivier.search.SupplierSearch;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.Browser;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.UniqueWords;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A buyer's purchase under 40 000 € HT in a real browser: the shortlist of three suppliers, the three consultations
 * noted in the journal, the purchase recorded from the shortlist (linked to the retained supplier's consultation), then
 * found in the list of purchases.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortlistPurchaseBrowserTest implements IntegrationTest {
    private static final String GREEN_SPACES = "espaces-verts-entretien";

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
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
    void aBuyerShortlistsThreeSuppliersNotesTheConsultationsRecordsThePurchaseAndFindsItInTheList() throws IOException {
        String word = UniqueWords.next();
        for (String name : List.of("Jardins de la Boissière ", "Chantier vert ", "Atelier paysage ")) {
            TestSuppliers.publish(directory, draft -> {
                draft.name = name + word;
                draft.kind = "ACI";
                draft.communeCode = "93048";
                draft.sectors = List.of(GREEN_SPACES);
                draft.areas = List.of(new SupplierInput.AreaInput("DEPARTEMENT", "93"));
                draft.description = "Désherbage manuel et entretien des espaces verts, " + word + ".";
            });
        }
        Await.until(() -> search.search(new SearchQuery(word, List.of(), List.of(), List.of(), List.of(), List.of(), null,
            false, false, SearchQuery.Sort.NAME, 1, 20)).total() == 3, Duration.ofSeconds(10));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        signIn(TestAccounts.create(accounts, Role.BUYER), wait);
        String object = "Désherbage du cimetière " + word;

        browser.get(server.getURL() + "/achats-moins-40k");
        browser.findElement(By.id("champ-object")).sendKeys(object);
        new Select(browser.findElement(By.id("champ-sector"))).selectByValue(GREEN_SPACES);
        browser.findElement(By.id("champ-commune")).sendKeys("93100");
        browser.findElement(By.id("champ-keywords")).sendKeys(word);
        browser.findElement(By.xpath("//button[normalize-space()='Proposer des fournisseurs']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-propositions"), "3 fournisseurs proposés"));
        String shortlistPage = browser.getCurrentUrl();
        browser.findElements(By.cssSelector("input[name=fournisseur]")).forEach(WebElement::click);
        browser.findElement(By.xpath("//button[normalize-space()='Enregistrer ma sélection']")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Noter les consultations"))).click();
        assertEquals(3, browser.findElements(By.cssSelector("input[name=fournisseur]:checked")).size(), "les trois retenus sont cochés");
        browser.findElement(By.xpath("//button[normalize-space()='Noter ces consultations']")).click();
        Browser.awaitPage(wait, "/journal");
        String journal = browser.findElement(By.tagName("main")).getText();
        assertTrue(journal.contains("Jardins de la Boissière " + word) && journal.contains("Chantier vert " + word)
            && journal.contains("Atelier paysage " + word), journal);

        browser.get(shortlistPage);
        browser.findElement(By.xpath("//a[contains(., 'auprès de Chantier vert " + word + "')]")).click();
        Browser.awaitPage(wait, "/agents/achats/nouveau");
        assertEquals(object, browser.findElement(By.id("champ-object")).getAttribute("value"));
        List<WebElement> contacts = browser.findElements(By.cssSelector("input[name=contacts]"));
        assertEquals(1, contacts.size(), "la consultation du titulaire, et elle seule");
        assertTrue(contacts.get(0).isSelected(), "cochée d’office");
        browser.findElement(By.id("champ-amount")).sendKeys("18 400");
        clickCentred(browser.findElement(By.xpath("//button[normalize-space()='Enregistrer l’achat']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "L’achat est enregistré."));
        String record = browser.findElement(By.tagName("main")).getText();
        assertTrue(record.contains("Chantier vert " + word) && record.contains("Devis demandé"), record);

        browser.get(server.getURL() + "/agents/achats?q=" + word);
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//tr[contains(., '" + object + "')]")));
        assertTrue(row.getText().matches(".*18.400.€.HT.*") && row.getText().contains("Chantier vert " + word), row.getText());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "achat-moins-40k-enregistre.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The long entry form's button, brought to the middle of the window at once: the stylesheet scrolls smoothly, and
     * WebDriver would click where the button was when the scroll started.
     */
    private void clickCentred(WebElement button) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        button.click();
    }

    private void signIn(String email, WebDriverWait wait) {
        browser.get(server.getURL() + "/connexion");
        browser.findElement(By.id("champ-email")).sendKeys(email);
        browser.findElement(By.id("champ-password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/connexion")));
    }
}
