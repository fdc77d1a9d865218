package fr.vivier.buyers;

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
import fr.vivier.testsupport.MailCatcher;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A buyer saves « espaces verts, SIAE + ESAT, Montreuil (93) » in a real browser, reopens it from « Mes recherches »
 * and gets the same suppliers; the digest then mails only new suppliers matching those criteria.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedSearchBrowserTest implements IntegrationTest {
    private static final String GREEN_SPACES = "espaces-verts-entretien";
    private static final String MONTREUIL = "93048";
    private static final String BONDY = "93010";

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    SupplierSearch search;
    @Inject
    SavedSearchDigest digest;

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

    private void publish(String name, String kind, List<SupplierInput.AreaInput> areas) {
        TestSuppliers.publish(directory, draft -> {
            draft.name = name;
            draft.legalForm = "SAS";
            draft.kind = kind;
            draft.communeCode = MONTREUIL;
            draft.sectors = List.of(GREEN_SPACES);
            draft.areas = areas;
            draft.description = "Entretien des espaces verts.";
        });
    }

    private void awaitSearchable(String word, int count) {
        Await.until(() -> search.search(new SearchQuery(word, List.of(), List.of(), List.of(), List.of(), List.of(), null,
            false, false, SearchQuery.Sort.NAME, 1, 20)).total() == count, Duration.ofSeconds(10));
    }

    private List<String> resultNames() {
        return browser.findElements(By.cssSelector(".resultats h3")).stream().map(WebElement::getText).sorted().toList();
    }

    @Test
    void aSavedSearchReopensWithItsCriteriaAndItsDigestMailsOnlyItsMatches() {
        String word = UniqueWords.next();
        List<SupplierInput.AreaInput> seineSaintDenis = List.of(new SupplierInput.AreaInput("DEPARTEMENT", "93"));
        publish("Chantier " + word, "ACI", seineSaintDenis);
        publish("Atelier protégé " + word, "ESAT", seineSaintDenis);
        publish("Paysagiste " + word, "COMPANY", seineSaintDenis);
        publish("Régie de Bondy " + word, "ACI", List.of(new SupplierInput.AreaInput("COMMUNE", BONDY)));
        awaitSearchable(word, 4);
        String email = TestAccounts.create(accounts, Role.BUYER);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(server.getURL() + "/connexion");
        browser.findElement(By.id("champ-email")).sendKeys(email);
        browser.findElement(By.id("champ-password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/connexion")));

        browser.get(server.getURL() + "/fournisseurs");
        browser.findElement(By.id("champ-q")).sendKeys(word);
        browser.findElement(By.id("champ-commune")).sendKeys("93100");
        browser.findElement(By.cssSelector("form.recherche button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-resultats"), "3 fournisseurs trouvés"));
        browser.findElement(By.partialLinkText("Insertion (SIAE)")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-resultats"), "1 fournisseur trouvé"));
        browser.findElement(By.partialLinkText("Travail protégé")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-resultats"), "2 fournisseurs trouvés"));
        List<String> found = resultNames();
        assertEquals(List.of("Atelier protégé " + word, "Chantier " + word), found);

        String name = "espaces verts, SIAE + ESAT, Montreuil (93) " + word;
        browser.findElement(By.id("champ-nom-recherche")).sendKeys(name);
        browser.findElement(By.xpath("//button[contains(., 'Enregistrer et')]")).click();
        Browser.awaitPage(wait, "/recherches-enregistrees");

        browser.findElement(By.xpath("//nav[@aria-label='Espace acheteurs et agents']//summary[.='Sourcer']")).click();
        browser.findElement(By.linkText("Mes recherches")).click();
        browser.findElement(By.linkText(name)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("titre-resultats")));
        assertEquals("2 fournisseurs trouvés", browser.findElement(By.id("titre-resultats")).getText());
        assertEquals(found, resultNames());
        assertEquals(word, browser.findElement(By.id("champ-q")).getAttribute("value"));
        assertEquals("Montreuil (93)", browser.findElement(By.id("champ-commune")).getAttribute("value"));

        publish("Nouveau chantier " + word, "EI", seineSaintDenis);
        publish("Nouveau paysagiste " + word, "COMPANY", seineSaintDenis);
        publish("Nouvelle régie de Bondy " + word, "AI", List.of(new SupplierInput.AreaInput("COMMUNE", BONDY)));
        awaitSearchable(word, 7);
        assertTrue(digest.runOnce().ran());

        MailCatcher.Mail mail = MailCatcher.awaitMails(email, 1).get(0);
        assertTrue(mail.text().contains("Nouveau chantier " + word), mail.text());
        assertFalse(mail.text().contains("Nouveau paysagiste"), "another kind of structure: " + mail.text());
        assertFalse(mail.text().contains("Nouvelle régie de Bondy"), "not working in Montreuil: " + mail.text());
        assertFalse(mail.text().contains("Atelier protégé"), "already there when the search was saved: " + mail.text());
    }
}
