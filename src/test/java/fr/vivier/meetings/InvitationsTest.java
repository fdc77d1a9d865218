package fr.vivier.meetings;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.search.SearchQuery;
import fr.vivier.search.SupplierSearch;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationsTest implements IntegrationTest {
    private static final String SECTOR = "environnement-apiculture";

    @Inject
    EmbeddedServer server;
    @Inject
    EventService events;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    SupplierSearch search;
    @Inject
    Clock clock;

    private WebClient staff() {
        WebClient browser = new WebClient(server.getURI());
        assertEquals(303, browser.signIn(TestAccounts.create(accounts, Role.STAFF), TestAccounts.PASSWORD).statusCode());
        return browser;
    }

    private boolean indexed(Supplier supplier) {
        return search.search(new SearchQuery(null, List.of(), List.of(SECTOR), List.of(), List.of("SIAE"), List.of(), null, false, false,
            SearchQuery.Sort.NAME, 1, 100)).hits().stream().anyMatch(hit -> hit.id() == supplier.id());
    }

    @Test
    void staffInviteASegmentAndOnlyConsentingStructuresGetTheirPersonalLinkOnce() {
        TestSuppliers.Draft consentingDraft = TestSuppliers.draft(draft -> draft.sectors = new java.util.ArrayList<>(List.of(SECTOR)));
        Supplier consenting = consentingDraft.publish(directory);
        TestSuppliers.Draft refusingDraft = TestSuppliers.draft(draft -> {
            draft.sectors = new java.util.ArrayList<>(List.of(SECTOR));
            draft.recontactConsent = false;
        });
        Supplier refusing = refusingDraft.publish(directory);
        Supplier otherSector = TestSuppliers.publish(directory);
        Await.until(() -> indexed(consenting) && indexed(refusing), Duration.ofSeconds(15));
        MeetingEvent event = TestEvents.create(events, clock, draft -> {
            draft.sectors = List.of(SECTOR);
            draft.kinds = List.of("SIAE");
        });

        WebClient staff = staff();
        Document form = staff.page("/agents/rencontres/" + event.id() + "/invitations");
        assertTrue(form.selectFirst("#secteur-" + SECTOR).hasAttr("checked"), "le public visé préremplit le segment");
        assertTrue(form.selectFirst("#secteur-" + SECTOR).closest("details").hasAttr("open"), "la famille du secteur coché est ouverte");
        assertTrue(form.select("select[multiple]").isEmpty(), "des cases à cocher, pas de liste à sélection multiple (Ctrl + clic)");
        assertTrue(form.selectFirst("#type-SIAE").hasAttr("checked"));

        HttpResponse<String> empty = staff.post("/agents/rencontres/" + event.id() + "/invitations", Map.of());
        assertEquals(422, empty.statusCode());
        assertTrue(Jsoup.parse(empty.body()).text().contains("Choisissez au moins un critère"));

        HttpResponse<String> sent = staff.post("/agents/rencontres/" + event.id() + "/invitations", Map.of("secteurs", SECTOR, "types", "SIAE"));
        assertEquals(303, sent.statusCode(), sent.body());
        Document detail = staff.page(sent.headers().firstValue("location").orElseThrow());
        assertTrue(detail.text().contains("Invitations :"), detail.text());

        MailCatcher.Mail invitation = MailCatcher.awaitMail(consentingDraft.contactEmail, "Invitation : " + event.title());
        assertTrue(MailCatcher.mailsOf(refusingDraft.contactEmail).stream().noneMatch(mail -> mail.subject().startsWith("Invitation")),
            "pas de consentement au contact : pas d’invitation");
        Matcher link = Pattern.compile("(/rencontres/" + event.id() + "\\?invitation=[0-9a-f-]+)").matcher(invitation.text());
        assertTrue(link.find(), invitation.text());

        WebClient supplier = new WebClient(server.getURI());
        Document page = supplier.page(link.group(1));
        assertTrue(page.text().contains("Invitation pour " + consenting.displayName()), page.text());
        assertTrue(page.select("#champ-siret").isEmpty(), "le SIRET n’est pas demandé");
        String token = page.selectFirst("input[name=invitation]").attr("value");
        String email = page.selectFirst("#champ-courriel").attr("value");
        assertEquals(303, supplier.post("/rencontres/" + event.id() + "/inscription",
            Map.of("invitation", token, "nom", "Camille Martin", "courriel", email)).statusCode());
        Registration registration = events.registrations(event.id()).get(0);
        assertEquals(consenting.id(), registration.supplierId());
        assertEquals(consenting.siret(), registration.siret());

        HttpResponse<String> tampered = supplier.post("/rencontres/" + event.id() + "/inscription",
            Map.of("invitation", otherSector.id() + token.substring(token.indexOf('-')), "nom", "Intrus", "courriel", "intrus@test.vivier.example"));
        assertEquals(422, tampered.statusCode(), "une invitation falsifiée ne vaut rien : le SIRET est demandé");

        assertEquals(303, staff.post("/agents/rencontres/" + event.id() + "/invitations", Map.of("secteurs", SECTOR, "types", "SIAE")).statusCode());
        assertEquals(1, MailCatcher.mailsOf(consentingDraft.contactEmail).stream()
            .filter(mail -> mail.subject().startsWith("Invitation")).count(), "une seule invitation par structure et par événement");
    }

    @Test
    void buyersOfTheChosenDirectionsAreInvitedOnceAndRegisterOnceSignedIn() {
        String direction = "Direction des bâtiments " + UniqueWords.next();
        String otherDirection = "Direction des sports " + UniqueWords.next();
        String first = TestAccounts.buyer(accounts, "Inès Moreau", direction);
        String second = TestAccounts.buyer(accounts, "Hugo Lefèvre", direction);
        String other = TestAccounts.buyer(accounts, "Marc Petit", otherDirection);
        MeetingEvent event = TestEvents.create(events, clock, draft -> { });
        WebClient staff = staff();
        String path = "/agents/rencontres/" + event.id() + "/invitations";
        Document form = staff.page(path);
        assertTrue(form.select("#champ-directions input[value=\"" + direction + "\"]").size() == 1, form.select("#champ-directions").text());

        HttpResponse<String> unknown = staff.post(path, Map.of("directions", "Direction inventée"));
        assertEquals(422, unknown.statusCode());
        assertEquals("Choisissez les directions dans la liste.", Jsoup.parse(unknown.body()).select("#erreur-directions").text());

        HttpResponse<String> sent = staff.post(path, Map.of("directions", direction));
        assertEquals(303, sent.statusCode(), sent.body());
        String message = staff.page(sent.headers().firstValue("location").orElseThrow()).select("[role=status]").text();
        assertTrue(message.contains("Invitations : 0 envoyée(s)") && message.contains("2 acheteur(s) invité(s)"), message);

        MailCatcher.Mail invitation = MailCatcher.awaitMail(first, "Invitation : " + event.title());
        assertTrue(invitation.text().contains("La " + direction + " est invitée"), invitation.text());
        Matcher link = Pattern.compile("\\S+(/connexion\\?retour=/rencontres/" + event.id() + ")\\s").matcher(invitation.text());
        assertTrue(link.find(), invitation.text());
        MailCatcher.awaitMail(second, "Invitation : " + event.title());
        WebClient buyer = new WebClient(server.getURI());
        assertEquals(1, buyer.page(link.group(1)).select("form input[name=retour][value=/rencontres/" + event.id() + "]").size());
        assertEquals(303, buyer.signIn(first, TestAccounts.PASSWORD).statusCode());
        buyer.get("/rencontres/" + event.id());
        assertEquals(303, buyer.post("/rencontres/" + event.id() + "/inscription-acheteur", Map.of()).statusCode());
        assertEquals(direction, events.registrations(event.id()).get(0).organisation());

        assertEquals(303, staff.post(path, Map.of("directions", direction)).statusCode());
        assertEquals(1, MailCatcher.mailsOf(first).stream().filter(mail -> mail.subject().startsWith("Invitation")).count(),
            "une seule invitation par acheteur et par événement");
        assertTrue(MailCatcher.mailsOf(other).isEmpty(), "une autre direction n’est pas invitée");
    }
}
