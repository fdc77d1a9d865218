package fr.vivier.programming;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.SupplierInput;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: a structure that asked for alerts gets the mail of a new line, opens the line from it, asks for its
 * access link there, comes back to the line through it, says « ça me concerne » as co-traitant with a message, and the
 * buyer of the line's direction sees it among the interested structures.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammingBrowserTest implements IntegrationTest {
    private static final String SECTOR = "industrie-bois";

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    ProgrammingService programming;
    @Inject
    LineMatching matching;
    @Inject
    ProgrammingAlerts alerts;
    @Inject
    AccountService accounts;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String mailedUrl) {
        Browser.openMailed(browser, server.getURL(), mailedUrl);
    }

    /** Clicks as a person does, after scrolling the element to the middle of the window (the footer may cover it). */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private static String urlAfter(String text, String marker) {
        Matcher matcher = Pattern.compile(Pattern.quote(marker) + "[^\\n]*\\n\\s*(\\S+)").matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    @Test
    void aStructureAlertedByMailSaysItIsConcernedAsCoContractorAndTheBuyerSeesIt() {
        String word = UniqueWords.next();
        String name = "Menuiserie " + word;
        SupplierSessions.Registered structure = SupplierSessions.published(directory, draft -> {
            draft.name = name;
            draft.sectors = List.of(SECTOR);
            draft.areas = List.of(new SupplierInput.AreaInput("EPCI", "200057875"));
            draft.alerts = true;
        });
        String object = "Mobilier de bibliothèque " + word;
        long lineId = TestLines.published(programming, draft -> {
            draft.object = object;
            draft.direction = "Direction des sports";
            draft.sectors = List.of(SECTOR);
            draft.places = "93010";
        });
        Await.until(() -> matching.matches(programming.find(lineId).orElseThrow(), 10_000).orElseThrow().ids()
            .contains(structure.supplier().id()), Duration.ofSeconds(20));
        assertTrue(alerts.runOnce().ran());

        MailCatcher.Mail alert = MailCatcher.awaitMail(structure.email(), "peut-être");
        open(urlAfter(alert.text(), object));
        assertEquals(object, browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.linkText("recevez votre lien d’accès par courriel")).click();
        Browser.awaitPage(wait, "/mon-profil");
        browser.findElement(By.id("champ-siret")).sendKeys(structure.supplier().siret());
        browser.findElement(By.id("champ-email")).sendKeys(structure.email());
        browser.findElement(By.xpath("//button[. = 'Recevoir mon lien']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Demande enregistrée"));

        MailCatcher.Mail linkMail = MailCatcher.awaitMail(structure.email(), "revenir à la programmation");
        Matcher link = Pattern.compile("\\S+/mon-profil/\\S+").matcher(linkMail.text());
        assertTrue(link.find(), linkMail.text());
        open(link.group());
        browser.findElement(By.xpath("//button[. = 'Ouvrir ma fiche et revenir à la programmation']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ca-me-concerne"), "Vous êtes connecté pour " + name));
        assertEquals(object, browser.findElement(By.tagName("h1")).getText(), "back on the line of the mail");

        browser.findElement(By.xpath("//label[. = 'Co-traitant']")).click();
        browser.findElement(By.id("champ-message")).sendKeys("Nous cherchons un mandataire pour le lot mobilier.");
        click(browser.findElement(By.xpath("//button[. = 'Ça me concerne']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "C’est noté"));
        assertTrue(browser.findElement(By.id("ca-me-concerne")).getText().contains("Co-traitant — toute la ligne"));

        browser.manage().deleteAllCookies();
        String buyer = TestAccounts.create(accounts, Role.BUYER);
        browser.get(server.getURL() + "/connexion");
        browser.findElement(By.id("champ-email")).sendKeys(buyer);
        browser.findElement(By.id("champ-password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/connexion")));
        browser.get(server.getURL() + "/agents/programmation/" + lineId);
        String interested = browser.findElement(By.xpath("//section[h2[@id='titre-interesses']]")).getText();
        assertTrue(interested.contains(name + " (SIAE)"), interested);
        assertTrue(interested.contains("Co-traitant"), interested);
        assertTrue(interested.contains("Nous cherchons un mandataire pour le lot mobilier."), interested);
    }
}
