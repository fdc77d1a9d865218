package fr.vivier.testsupport;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;

/** Headless Debian Chromium driven by chromedriver, with the flags that work on these machines. */
public final class Browser {
    private Browser() {
    }

    /**
     * Waits for the page a click led to: its address contains {@code urlPart} and its document is loaded. The address
     * changes as soon as the navigation commits, before the new document is parsed: reading the page right after
     * {@code urlContains} alone found no {@code <main>} once in CI.
     */
    public static void awaitPage(WebDriverWait wait, String urlPart) {
        wait.until(driver -> driver.getCurrentUrl().contains(urlPart)
            && "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /**
     * Clicks what leaves the page (a submit button, a link) and waits for the next page: the old document gone, the new
     * one loaded. A title or an address the two pages share (« Erreur » on a form sent again) proves nothing, and the
     * next lookup could run between the two documents.
     */
    public static void clickAndAwaitNextPage(WebDriver browser, WebDriverWait wait, WebElement element) {
        WebElement leaving = browser.findElement(By.tagName("html"));
        element.click();
        wait.until(ExpectedConditions.stalenessOf(leaving));
        wait.until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** Opens an address taken from a mail on the test server (mails carry the configured public address). */
    public static void openMailed(WebDriver browser, URL server, String mailedUrl) {
        URI mailed = URI.create(mailedUrl);
        browser.get(server + mailed.getRawPath() + (mailed.getRawQuery() == null ? "" : "?" + mailed.getRawQuery())
            + (mailed.getRawFragment() == null ? "" : "#" + mailed.getRawFragment()));
    }

    public static WebDriver start() {
        String chromium = System.getenv().getOrDefault("VIVIER_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("VIVIER_CHROMEDRIVER", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                "--user-data-dir=" + Files.createTempDirectory("vivier-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver)).build();
        return new ChromeDriver(service, options);
    }
}
