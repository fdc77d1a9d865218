package fr.vivier.staff;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.Browser;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TestAccounts;
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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A staff member signs in in a real browser, lands on the dashboard and works the recontact queue at 1 280 px. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffBrowserTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    DirectoryService directory;

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
    void staffLandOnTheDashboardAndTheRecontactActionsFitAt1280Pixels() {
        String word = "largeur" + UUID.randomUUID().toString().substring(0, 8);
        TestSuppliers.register(directory, draft -> {
            draft.name = "Association intercommunale pour l’insertion et l’environnement " + word;
            draft.sectors.add("proprete-locaux");
            draft.sectors.add("blanchisserie-pressing");
            draft.recontact("Présenter nos prestations de nettoyage écologique des bâtiments publics et des espaces verts");
            draft.recontactMessage = "Nous souhaitons rencontrer les acheteurs des directions des sports, de l’enfance et des bâtiments.";
        });
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        browser.get(server.getURL() + "/connexion");
        browser.findElement(By.id("champ-email")).sendKeys(TestAccounts.create(accounts, Role.STAFF));
        browser.findElement(By.id("champ-password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/agents$"));
        Browser.awaitPage(wait, "/agents");
        assertEquals("Tableau de bord", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.linkText("Connexion acheteurs et agents")).isEmpty());

        browser.get(browser.findElement(By.linkText("Toutes les demandes")).getAttribute("href"));
        wait.until(ExpectedConditions.titleContains("Demandes de recontact"));
        browser.findElement(By.id("champ-q")).sendKeys(word);
        browser.findElement(By.xpath("//button[normalize-space()='Filtrer']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("caption"), "1 demande"));

        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebElement wrapper = browser.findElement(By.cssSelector(".tableau-defilant"));
        long scrollWidth = (Long) js.executeScript("return arguments[0].scrollWidth", wrapper);
        long clientWidth = (Long) js.executeScript("return arguments[0].clientWidth", wrapper);
        assertTrue(scrollWidth <= clientWidth, "the table scrolls sideways: " + scrollWidth + " > " + clientWidth);
        long viewport = (Long) js.executeScript("return document.documentElement.clientWidth");
        for (WebElement button : browser.findElements(By.cssSelector("tbody .actions button"))) {
            assertTrue(button.getRect().getX() + button.getRect().getWidth() <= viewport, button.getText() + " is cut off");
        }
    }
}
