package fr.vivier.directory.registration;

import fr.vivier.directory.AreaType;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierView;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** The browser posts from 127.0.0.1 several times per run: runs in a row must not reach the per-address quota. */
    @Override
    public java.util.Map<String, String> extraProperties() {
        return java.util.Map.of("vivier.forms.max-per-ip-per-hour", "1000");
    }

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

    /** Sends the form and waits for the page that answers (it may have the same title: « Erreur » twice). */
    private void submit() {
        WebElement button = browser.findElement(By.cssSelector("button[type=submit].bouton"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        Browser.clickAndAwaitNextPage(browser, new WebDriverWait(browser, Duration.ofSeconds(10)), button);
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
        submit();

        wait.until(ExpectedConditions.titleContains("Erreur"));
        assertTrue(browser.findElement(By.cssSelector(".resume-erreurs")).getText().contains("Adresse électronique invalide"));
        assertEquals("Pantin Propreté Solidaire", browser.findElement(By.id("champ-name")).getAttribute("value"));
        assertTrue(browser.findElement(By.cssSelector("input[name=sectors][value^=proprete]")).isSelected(), "choices kept");

        type("champ-contactEmail", email);
        submit();
        wait.until(ExpectedConditions.titleContains("Inscription enregistrée"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("enregistrée"));

        Supplier supplier = directory.findBySiret(siret).orElseThrow();
        assertEquals("93055", supplier.communeCode());
        assertTrue(MailCatcher.awaitMails(email, 1).get(0).text().contains("Pantin Propreté Solidaire"));
    }
    @Test
    void anAmbiguousCommuneMustBeChosenAndSendingTheFormAgainDoesNotGuess() {
        String siret = Sirets.next();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(server.getURL() + "/inscription");
        type("champ-siret", siret);
        type("champ-name", "Montreuil Jardins Partagés");
        new Select(browser.findElement(By.id("champ-legalForm"))).selectByVisibleText("SAS");
        new Select(browser.findElement(By.id("champ-size"))).selectByValue("TPE");
        new Select(browser.findElement(By.id("champ-kind"))).selectByValue("ACI");
        type("champ-communeQuery", "Montreuil");
        click(By.xpath("//summary[contains(., 'Espaces verts')]"));
        click(By.cssSelector("input[name=sectors][value^=espaces-verts]"));
        type("champ-contactName", "Alix Martin");
        type("champ-contactEmail", "montreuil-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example");
        submit();

        wait.until(ExpectedConditions.titleContains("Erreur"));
        Select communes = new Select(browser.findElement(By.id("champ-communeCode")));
        assertEquals("", communes.getFirstSelectedOption().getAttribute("value"), "nothing chosen for the person");
        assertEquals("Montreuil — Seine-Saint-Denis (93), 93100", communes.getOptions().get(1).getText());
        assertEquals(1, browser.findElements(By.cssSelector(".resume-erreurs li")).size(), "one error");

        submit();
        wait.until(ExpectedConditions.titleContains("Erreur"));
        assertTrue(directory.findBySiret(siret).isEmpty(), "sending again registers nothing");

        new Select(browser.findElement(By.id("champ-communeCode"))).selectByValue("93048");
        submit();
        wait.until(ExpectedConditions.titleContains("Inscription enregistrée"));
        assertEquals("93048", directory.findBySiret(siret).orElseThrow().communeCode());
    }
    @Test
    void sectorsAndDepartementsArePickedWithAFilterAndChipsWithoutCtrlClick() {
        String siret = Sirets.next();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(server.getURL() + "/inscription");
        assertTrue(browser.findElements(By.cssSelector("form select[multiple]")).isEmpty(), "no list needing Ctrl-click");
        assertTrue(browser.findElements(By.cssSelector("#champ-sectors details[open]")).isEmpty(), "sector groups start folded");

        WebElement sectorFilter = browser.findElement(By.cssSelector("#champ-sectors input[type=search]"));
        sectorFilter.sendKeys("nettoyage");
        WebElement cleaning = browser.findElement(By.xpath("//details[.//input[@value='proprete-locaux']]"));
        wait.until(d -> cleaning.getAttribute("open") != null);
        assertTrue(browser.findElement(By.xpath("//details[.//input[@value='espaces-verts-entretien']]")).getAttribute("hidden") != null,
            "groups without a match are hidden");
        click(By.cssSelector("label[for=secteur-proprete-locaux]"));
        assertEquals("(1 coché)", cleaning.findElement(By.cssSelector(".choix__compte")).getText());
        WebElement chip = browser.findElement(By.cssSelector("#champ-sectors .puce"));
        assertEquals("Retirer « Nettoyage de locaux et de bureaux »", chip.getAttribute("aria-label"));
        chip.click();
        assertFalse(browser.findElement(By.id("secteur-proprete-locaux")).isSelected(), "a chip removes its choice");
        click(By.cssSelector("label[for=secteur-proprete-locaux]"));
        sectorFilter.clear();
        sectorFilter.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);

        WebElement zoneFilter = browser.findElement(By.cssSelector("[data-choix=zones] input[type=search]"));
        zoneFilter.sendKeys("val-de-marne");
        click(By.cssSelector("label[for=departement-94]"));
        assertEquals("94 — Val-de-Marne", browser.findElement(By.cssSelector("[data-choix=zones] .puce")).getText());

        type("champ-siret", siret);
        type("champ-name", "Propreté du Val");
        new Select(browser.findElement(By.id("champ-legalForm"))).selectByVisibleText("SAS");
        new Select(browser.findElement(By.id("champ-size"))).selectByValue("TPE");
        new Select(browser.findElement(By.id("champ-kind"))).selectByValue("EI");
        type("champ-communeQuery", "Pantin");
        type("champ-contactName", "Alix Martin");
        type("champ-contactEmail", "choix-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example");
        submit();
        wait.until(ExpectedConditions.titleContains("Inscription enregistrée"));

        Supplier supplier = directory.findBySiret(siret).orElseThrow();
        SupplierView view = directory.view(supplier);
        assertEquals(java.util.List.of("proprete-locaux"), view.sectors());
        assertTrue(view.areas().stream().anyMatch(area -> area.areaType() == AreaType.DEPARTEMENT && area.areaCode().equals("94")),
            view.areas().toString());
    }
}
