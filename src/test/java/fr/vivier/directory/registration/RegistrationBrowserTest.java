package fr.vivier.directory.registration;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.testsupport.Browser;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.Sirets;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person registers their structure in a real browser, corrects a mistake, and gets the confirmation mail. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationBrowserTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
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

    private void click(By locator) {
        WebElement element = browser.findElement(locator);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", field);
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void structureRegistersThroughTheFormAndReceivesTheConfirmationMail() {
        String siret = Sirets.next();
        String email = "navigateur-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(server.getURL() + "/");
        browser.findElement(By.linkText("Référencer ma structure")).click();
        wait.until(ExpectedConditions.titleContains("Référencer ma structure"));

        type("champ-siret", siret.substring(0, 9) + " " + siret.substring(9));
        type("champ-name", "Pantin Propreté Solidaire");
        new Select(browser.findElement(By.id("champ-legalForm"))).selectByVisibleText("SAS");
        new Select(browser.findElement(By.id("champ-size"))).selectByValue("PME");
        new Select(browser.findElement(By.id("champ-kind"))).selectByValue("EI");
        type("champ-communeQuery", "Pantin");
        click(By.xpath("//summary[contains(., 'Propreté')]"));
        click(By.cssSelector("input[name=sectors][value^=proprete]"));
        type("champ-contactName", "Sacha Bernard");
        type("champ-contactEmail", "adresse-invalide");
        click(By.id("consentPublishContact"));
        click(By.cssSelector("button[type=submit].bouton"));

        wait.until(ExpectedConditions.titleContains("Erreur"));
        assertTrue(browser.findElement(By.cssSelector(".resume-erreurs")).getText().contains("Adresse électronique invalide"));
        assertEquals("Pantin Propreté Solidaire", browser.findElement(By.id("champ-name")).getAttribute("value"));
        assertTrue(browser.findElement(By.cssSelector("input[name=sectors][value^=proprete]")).isSelected(), "choices kept");

        type("champ-contactEmail", email);
        click(By.cssSelector("button[type=submit].bouton"));
        wait.until(ExpectedConditions.titleContains("Inscription enregistrée"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("enregistrée"));

        Supplier supplier = directory.findBySiret(siret).orElseThrow();
        assertEquals("93055", supplier.communeCode());
        assertTrue(MailCatcher.awaitMails(email, 1).get(0).text().contains("Pantin Propreté Solidaire"));
    }
}
