package fr.vivier.web;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real headless Chromium opens the home page, signs in through the form and signs out. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserSmokeTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;

    private WebDriver browser;

    @BeforeAll
    void startBrowser() {
        browser = fr.vivier.testsupport.Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void visitorOpensTheHomePageThenStaffSignsInAndOut() {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(server.getURL() + "/");
        assertTrue(browser.getTitle().contains("Accueil"));
        assertTrue(browser.findElement(By.tagName("h1")).isDisplayed());

        browser.findElement(By.linkText("Connexion acheteurs et agents")).click();
        wait.until(ExpectedConditions.titleContains("Connexion"));
        browser.findElement(By.cssSelector("label[for=champ-email]")).click();
        browser.switchTo().activeElement().sendKeys(email);
        browser.findElement(By.id("champ-password")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("header"), "Test Agent"));
        assertEquals(server.getURL() + "/agents", browser.getCurrentUrl(), "staff land on their dashboard");

        browser.findElement(By.xpath("//button[normalize-space()='Se déconnecter']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alerte"), "déconnecté"));
        assertFalse(browser.findElement(By.tagName("header")).getText().contains("Test Agent"));
    }
}
