package fr.vivier.indicators;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.programming.LineStatus;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.programming.TestLines;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A staff member reads the indicators' dashboard in a real browser, follows a number to its records; screenshot in target/. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsBrowserTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    ProgrammingService programming;

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
    void staffReadTheDashboardItsChartsAndFollowANumberToTheLinesBehindIt() throws IOException {
        String direction = "Direction " + UUID.randomUUID().toString().substring(0, 8);
        long launched = TestLines.create(programming, draft -> {
            draft.year = "2030";
            draft.direction = direction;
            draft.quarter = "1";
        });
        assertTrue(programming.changeStatus(launched, LineStatus.LAUNCHED, "https://marches.example/c/" + launched, TestLines.staff()).isEmpty());
        TestLines.create(programming, draft -> {
            draft.year = "2030";
            draft.direction = direction;
            draft.quarter = "3";
        });
        browser.get(server.getURL() + "/connexion");
        browser.findElement(By.id("champ-email")).sendKeys(TestAccounts.create(accounts, Role.STAFF));
        browser.findElement(By.id("champ-password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        // the next page is asked for once signed in, not while the sign-in form is still being posted
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches(".*/agents$"));

        browser.get(server.getURL() + "/agents/indicateurs?annee=2030&direction=" + URLEncoder.encode(direction, StandardCharsets.UTF_8));
        WebElement card = browser.findElement(By.id("indicateur-PROGRAMMED_VS_LAUNCHED"));
        assertEquals("50 %", card.findElement(By.cssSelector(".chiffre__valeur")).getText().replace('\u00a0', ' '));
        WebElement chart = card.findElement(By.cssSelector("svg.graphique"));
        assertTrue(chart.isDisplayed());
        assertTrue(chart.getSize().getWidth() > 200, "le graphique est dessiné à sa taille");
        // the 1st quarter's bar of 2030 is drawn full height (1 of 1 launched), the 3rd quarter's has none (0 of 1)
        assertEquals("132", card.findElements(By.cssSelector("rect.graphique__barre")).get(0).getAttribute("height"));
        assertEquals("0", card.findElements(By.cssSelector("rect.graphique__barre")).get(2).getAttribute("height"));
        // no recontact request in 2030: no median delay to show
        assertTrue(browser.findElement(By.id("indicateur-RECONTACT")).getText().contains("aucune demande répondue"));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/indicateurs-tableau-de-bord.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // the number's link, followed as the browser resolves it (other cards of the suite's followed indicators may cover it)
        browser.get(card.findElement(By.cssSelector("a.chiffre__valeur")).getAttribute("href"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Comptés"));
        assertEquals(1, browser.findElements(By.cssSelector("main table tbody tr")).size());
    }
}
