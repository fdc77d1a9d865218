package fr.vivier.meetings.speed;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.meetings.EventKind;
import fr.vivier.meetings.EventService;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Registration;
import fr.vivier.meetings.RegistrationService;
import fr.vivier.meetings.TestEvents;
import fr.vivier.search.SearchQuery;
import fr.vivier.search.SupplierSearch;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.Browser;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: a structure invited by mail registers to a speed-meeting through its personal link, chooses from the
 * link it is then mailed the buyer table it wants to meet, and once staff have built and sent the schedule finds its
 * meeting in its mail and on its page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeedMeetingBrowserTest implements IntegrationTest {
    private static final String SECTOR = "environnement-apiculture";

    @Inject
    EmbeddedServer server;
    @Inject
    EventService events;
    @Inject
    RegistrationService registrations;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    SupplierSearch search;
    @Inject
    Clock clock;

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

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private static String link(MailCatcher.Mail mail, String pattern) {
        Matcher matcher = Pattern.compile("https?://\\S*" + pattern + "\\S*").matcher(mail.text());
        assertTrue(matcher.find(), mail.text());
        return matcher.group();
    }

    private boolean indexed(Supplier supplier) {
        return search.search(new SearchQuery(null, List.of(), List.of(SECTOR), List.of(), List.of("SIAE"), List.of(), null, false, false,
            SearchQuery.Sort.NAME, 1, 100)).hits().stream().anyMatch(hit -> hit.id() == supplier.id());
    }

    private Registration registeredBuyer(MeetingEvent event, String email) {
        long accountId = accounts.findByEmail(email).orElseThrow().id();
        return ((RegistrationService.Outcome.Registered) registrations.registerBuyer(event.id(), accountId)).registration();
    }

    @Test
    void anInvitedStructureRegistersChoosesATableAndReceivesItsSchedule() {
        TestSuppliers.Draft draft = TestSuppliers.draft(d -> d.sectors = new ArrayList<>(List.of(SECTOR)));
        Supplier structure = draft.publish(directory);
        Await.until(() -> indexed(structure), Duration.ofSeconds(15));
        MeetingEvent event = TestEvents.create(events, clock, d -> d.kind = EventKind.SPEED_MEETING.name());
        Registration wanted = registeredBuyer(event, TestAccounts.buyer(accounts, "Nadia Benali", "Direction des espaces verts"));
        Registration other = registeredBuyer(event, TestAccounts.buyer(accounts, "Paul Girard", "Direction de la restauration"));

        WebClient staff = new WebClient(server.getURI());
        assertEquals(303, staff.signIn(TestAccounts.create(accounts, Role.STAFF), TestAccounts.PASSWORD).statusCode());
        String base = "/agents/rencontres/" + event.id();
        staff.get(base + "/invitations");
        assertEquals(303, staff.post(base + "/invitations", Map.of("secteurs", SECTOR, "types", "SIAE")).statusCode());

        MailCatcher.Mail invitation = MailCatcher.awaitMail(draft.contactEmail, "Invitation : " + event.title());
        open(link(invitation, "/rencontres/" + event.id() + "\\?invitation="));
        assertEquals(event.title(), browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("contenu")).getText().contains("Invitation pour " + structure.displayName()));
        WebElement name = browser.findElement(By.id("champ-nom"));
        name.clear();
        name.sendKeys("Léa Dupont");
        click(browser.findElement(By.xpath("//button[. = 'S’inscrire']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contenu"), "Votre inscription est confirmée"));
        MailCatcher.awaitMail(draft.contactEmail, "Inscription confirmée : " + event.title());

        staff.get(base + "/souhaits");
        assertEquals(303, staff.post(base + "/souhaits/liens", Map.of()).statusCode());
        MailCatcher.Mail wishesMail = MailCatcher.awaitMail(draft.contactEmail, "Speed-meeting : choisissez qui rencontrer");
        open(link(wishesMail, "/souhaits-fournisseur/"));
        assertEquals(structure.displayName() + " : qui souhaitez-vous rencontrer ?", browser.findElement(By.tagName("h1")).getText());
        new Select(browser.findElement(By.id("champ-vers"))).selectByVisibleText(wanted.organisation() + " (" + wanted.personName() + ")");
        assertEquals(1, browser.findElements(By.name("priorite")).size(), "a single priority list is sent");
        new Select(browser.findElement(By.id("champ-priorite"))).selectByValue("1");
        click(browser.findElement(By.xpath("//button[. = 'Enregistrer mon souhait']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contenu"), "Votre souhait est enregistré."));
        assertTrue(browser.findElement(By.id("contenu")).getText().contains(wanted.organisation() + " — priorité 1"));
        String wishesPage = browser.getCurrentUrl();

        staff.get(base + "/planning");
        assertEquals(303, staff.post(base + "/planning", Map.of("duree", "15", "pauses", "")).statusCode());
        staff.get(base + "/planning");
        assertEquals(303, staff.post(base + "/planning/envoi", Map.of()).statusCode());

        MailCatcher.Mail schedule = MailCatcher.awaitMail(draft.contactEmail, "Votre planning — " + event.title());
        assertTrue(schedule.text().contains("09h30–09h45 : " + wanted.organisation() + " (" + wanted.personName() + ")"), schedule.text());
        assertFalse(schedule.text().contains(other.organisation()), "only the wished table: " + schedule.text());
        browser.get(wishesPage);
        String planning = browser.findElement(By.xpath("//section[h2[@id='titre-planning']]")).getText();
        assertTrue(planning.contains("1 rencontre(s)"), planning);
        assertTrue(planning.contains("09h30–09h45 : " + wanted.organisation() + " (" + wanted.personName() + ")"), planning);
    }
}
