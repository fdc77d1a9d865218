package fr.vivier.sourcing;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.buyers.Shortlist;
import fr.vivier.buyers.ShortlistService;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.programming.TestLines;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import fr.vivier.web.FrenchFormat;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    ShortlistService shortlists;
    @Inject
    ProgrammingService programming;
    @Inject
    RecontactRequestRepository recontacts;
    @Inject
    RecontactReminders reminders;
    @Inject
    SourcingJournal sourcingJournal;
    @Inject
    TransactionOperations<Connection> transactions;

    private record Person(WebClient browser, Account account) { }

    private Person signedIn(Role role, String direction) {
        String email = role.name().toLowerCase() + "-" + UniqueWords.next() + "@test.vivier.example";
        accounts.createWithPasswordIfAbsent(email, "Agent " + UniqueWords.next(), role, direction, TestAccounts.PASSWORD);
        WebClient browser = new WebClient(server.getURI());
        assertEquals(303, browser.signIn(email, TestAccounts.PASSWORD).statusCode());
        browser.get("/journal");
        return new Person(browser, accounts.findByEmail(email).orElseThrow());
    }

    private static Map<String, String> fields(Document form) {
        Map<String, String> fields = new HashMap<>();
        form.select("form[method=post] input[name]:not([type=checkbox])").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        form.select("form[method=post] select[name]").forEach(select -> {
            var chosen = select.selectFirst("option[selected]");
            fields.put(select.attr("name"), chosen == null ? "" : chosen.attr("value"));
        });
        form.select("form[method=post] textarea[name]").forEach(area -> fields.put(area.attr("name"), area.text()));
        return fields;
    }

    @Test
    void aBuyerNotesAContactFromASupplierProfileAndItsDirectionReadsItButOnlyTheAuthorEditsIt() {
        String direction = "Direction " + UniqueWords.next();
        Person buyer = signedIn(Role.BUYER, direction);
        Supplier supplier = TestSuppliers.publish(directory);
        Document profile = buyer.browser().page("/fournisseurs/" + supplier.slug());
        String link = profile.selectFirst("a:contains(Noter un contact)").attr("href");

        Document form = buyer.browser().page(link);
        assertTrue(form.text().contains(supplier.displayName()), "la structure est reprise");
        Map<String, String> fields = fields(form);
        assertEquals(LocalDate.now(FrenchFormat.ZONE).toString(), fields.get("date"));
        fields.put("canal", "MEETING");
        fields.put("objet", "Présentation de l’offre d’entretien");
        fields.put("issue", "QUOTE_REQUESTED");
        fields.put("notes", "Note confidentielle " + UniqueWords.next());
        HttpResponse<String> saved = buyer.browser().post("/journal", fields);
        assertEquals(303, saved.statusCode(), saved.body());
        String entryPath = saved.headers().firstValue("location").orElseThrow().replace("?succes=1", "");

        Document list = buyer.browser().page("/journal?canal=MEETING&issue=QUOTE_REQUESTED");
        assertTrue(list.select("tbody tr").text().contains(supplier.displayName()), list.text());
        assertTrue(buyer.browser().page(entryPath).text().contains(fields.get("notes")));

        Person colleague = signedIn(Role.BUYER, direction.toUpperCase());
        assertEquals(200, colleague.browser().get(entryPath).statusCode(), "même direction : lecture");
        assertTrue(colleague.browser().page("/journal").text().contains(supplier.displayName()));
        assertEquals(403, colleague.browser().get(entryPath + "/modifier").statusCode(), "seul l’auteur modifie");
        Person stranger = signedIn(Role.BUYER, "Direction " + UniqueWords.next());
        assertEquals(403, stranger.browser().get(entryPath).statusCode());
        assertFalse(stranger.browser().page("/journal").text().contains(fields.get("notes")));
        Person staff = signedIn(Role.STAFF, null);
        assertEquals(200, staff.browser().get(entryPath).statusCode(), "les agents lisent tout");

        fields.put("issue", "RETAINED");
        assertEquals(303, buyer.browser().post(entryPath + "/modifier", fields).statusCode());
        assertTrue(buyer.browser().page(entryPath).text().contains("Retenu"));
    }

    @Test
    void anInvalidEntryKeepsTheInputShowsEachErrorAndSavesNothing() {
        Person buyer = signedIn(Role.BUYER, "Direction " + UniqueWords.next());
        String name = "Traiteur " + UniqueWords.next();
        Map<String, String> fields = new HashMap<>(Map.of("nomFournisseur", name, "siret", "12345678901234",
            "date", LocalDate.now(FrenchFormat.ZONE).plusDays(2).toString(), "canal", "TELEPATHIE", "objet", "", "issue", "INFORMED"));
        fields.put("_csrf", buyer.browser().csrfToken());
        HttpResponse<String> response = buyer.browser().post("/journal", fields);
        assertEquals(422, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.selectFirst("#erreur-siret").text().contains("SIRET n’est pas valide"));
        assertEquals("La date du contact ne peut pas être dans le futur.", page.selectFirst("#erreur-date").text());
        assertEquals("Choisissez le canal du contact.", page.selectFirst("#erreur-canal").text());
        assertEquals("Indiquez l’objet du contact.", page.selectFirst("#erreur-objet").text());
        assertEquals(name, page.selectFirst("#champ-nomFournisseur").attr("value"), "la saisie est conservée");
        assertNotNull(page.selectFirst(".resume-erreurs a[href=#champ-date]"));
        assertEquals(0, buyer.browser().page("/journal").select("tbody tr").size());

        fields.put("objet", "x".repeat(301));
        HttpResponse<String> tooLong = buyer.browser().post("/journal", fields);
        assertEquals(422, tooLong.statusCode());
        assertTrue(Jsoup.parse(tooLong.body()).selectFirst("#erreur-objet").text().contains("300 caractères"));

        fields.putAll(Map.of("siret", TestSuppliers.newSiret(), "date", "2026-01-15", "canal", "EVENT", "objet", "Salon de l’ESS"));
        assertEquals(303, buyer.browser().post("/journal", fields).statusCode());
        Document list = buyer.browser().page("/journal?type=UNREGISTERED");
        assertTrue(list.text().contains(name) && list.text().contains("Hors annuaire"), list.text());
        assertEquals(0, buyer.browser().page("/journal?type=SIAE").select("tbody tr:contains(" + name + ")").size());
        HttpResponse<byte[]> csv = buyer.browser().download("/journal/export.csv?canal=EVENT");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("Date;Direction;Agent;Structure") && text.contains(name) && text.contains("Salon ou événement"), text);
        HttpResponse<byte[]> xlsx = buyer.browser().download("/journal/export.xlsx");
        assertTrue(xlsx.headers().firstValue("content-type").orElseThrow().contains("spreadsheetml"));
    }

    @Test
    void theConsultationsOfAShortlistAreNotedOneEntryPerTickedSupplier() {
        Person buyer = signedIn(Role.BUYER, "Direction " + UniqueWords.next());
        Supplier first = TestSuppliers.publish(directory, draft -> draft.name = "Atelier " + UniqueWords.next());
        Supplier second = TestSuppliers.publish(directory, draft -> draft.name = "Atelier " + UniqueWords.next());
        Supplier third = TestSuppliers.publish(directory, draft -> draft.name = "Atelier " + UniqueWords.next());
        Shortlist shortlist = shortlists.save(buyer.account().id(), new ShortlistService.Need("Repas du centre de loisirs " + UniqueWords.next(),
            "espaces-verts-entretien", "93010", null, false), List.of(first.id(), second.id(), third.id()));
        shortlists.select(shortlist, List.of(first.id(), second.id()));
        Document shortlistPage = buyer.browser().page("/achats-moins-40k/" + shortlist.id());
        Document form = buyer.browser().page(shortlistPage.selectFirst("a:contains(Noter les consultations)").attr("href"));
        assertEquals(2, form.select("input[name=fournisseur][checked]").size(), "les fournisseurs retenus sont cochés");

        Map<String, String> none = fields(form);
        HttpResponse<String> empty = buyer.browser().post("/journal/consultations", none);
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("Cochez au moins un fournisseur consulté."));

        String body = "_csrf=" + buyer.browser().csrfToken() + "&liste=" + shortlist.id() + "&fournisseur=" + first.id() + "&fournisseur=" + second.id()
            + "&date=" + LocalDate.now(FrenchFormat.ZONE) + "&canal=EMAIL&objet=Devis&issue=QUOTE_REQUESTED";
        HttpResponse<String> saved = buyer.browser().postFormBody("/journal/consultations", body);
        assertEquals(303, saved.statusCode(), saved.body());
        Document list = buyer.browser().page("/journal");
        assertEquals(2, list.select("tbody tr").size());
        assertTrue(list.text().contains(first.displayName()) && list.text().contains(second.displayName()));
        assertFalse(list.text().contains(third.displayName()));

        Person other = signedIn(Role.BUYER, "Direction " + UniqueWords.next());
        assertEquals(403, other.browser().get("/journal/consultations?liste=" + shortlist.id()).statusCode());
    }

    @Test
    void aRecontactRequestGivenToABuyerIsAnsweredFromTheJournalAndClosedAndTheSupplierSeesTheContactWithoutNotes() {
        Person staff = signedIn(Role.STAFF, null);
        Person buyer = signedIn(Role.BUYER, "Direction " + UniqueWords.next());
        String email = "contact-" + UniqueWords.next() + "@test.vivier.example";
        Supplier supplier = TestSuppliers.publish(directory, draft -> {
            draft.recontact("Présenter nos paniers");
            draft.contactEmail = email;
        });
        RecontactRequest request = recontacts.findBySupplierId(supplier.id()).get(0);
        staff.browser().get("/agents/demandes-recontact");
        HttpResponse<String> given = staff.browser().post("/agents/demandes-recontact/" + request.id() + "/attribution-acheteur",
            Map.of("compte", String.valueOf(buyer.account().id())));
        assertEquals(303, given.statusCode(), given.body());

        Document journal = buyer.browser().page("/journal");
        Document form = buyer.browser().page(journal.selectFirst("a[href=/journal/nouveau?demande=" + request.id() + "]").attr("href"));
        Map<String, String> fields = fields(form);
        assertEquals("RECONTACT_REQUEST", fields.get("canal"));
        fields.put("notes", "Secret de l’acheteur");
        assertEquals(303, buyer.browser().post("/journal", fields).statusCode());
        RecontactRequest answered = recontacts.findById(request.id()).orElseThrow();
        assertEquals(RecontactRequest.Status.CLOSED, answered.status());
        assertNotNull(answered.answeredAt());
        assertEquals(409, staff.browser().post("/agents/demandes-recontact/" + request.id() + "/cloture", Map.of()).statusCode());
        HttpResponse<String> again = buyer.browser().post("/journal", fields);
        assertEquals(422, again.statusCode(), "une demande close ne se répond pas deux fois");

        directory.requestProfileLink(supplier.siret(), email);
        Matcher link = Pattern.compile("/mon-profil/([A-Za-z0-9_-]{20,})").matcher(MailCatcher.awaitMail(email, "lien").text());
        assertTrue(link.find());
        WebClient space = new WebClient(server.getURI());
        space.get(link.group());
        assertEquals(303, space.post(link.group(), Map.of()).statusCode());
        String contacts = space.page("/mon-profil/fiche").selectFirst("#titre-contacts").parent().text();
        assertTrue(contacts.contains(FrenchFormat.date(LocalDate.now(FrenchFormat.ZONE))) && contacts.contains(buyer.account().direction())
            && contacts.contains("Demande de recontact"), contacts);
        assertFalse(space.get("/mon-profil/fiche").body().contains("Secret de l’acheteur"));
    }

    @Test
    void anOverdueRequestIsRemindedOnceToItsBuyerAndADisabledAgentStillShowsByName() {
        Person buyer = signedIn(Role.BUYER, "Direction " + UniqueWords.next());
        Supplier supplier = TestSuppliers.publish(directory);
        long requestId = insertAssigned(supplier, buyer.account().id(), Instant.now().minus(Duration.ofDays(30)));
        reminders.runOnce();
        MailCatcher.Mail mail = MailCatcher.awaitMail(buyer.account().email(), "Demande de recontact en attente");
        assertTrue(mail.text().contains("/journal/nouveau?demande=" + requestId), mail.text());
        assertTrue(mail.text().contains("10 jours ouvrés"));
        reminders.runOnce();
        assertEquals(1, MailCatcher.mailsOf(buyer.account().email()).size(), "une seule relance");

        Person staff = signedIn(Role.STAFF, null);
        accounts.setEnabled(buyer.account().id(), false, staff.account(), "127.0.0.1");
        String queue = staff.browser().page("/agents/demandes-recontact?q=" + supplier.siret()).text();
        assertTrue(queue.contains(buyer.account().displayName() + " (compte désactivé)"), queue);
        assertTrue(queue.contains("En retard"));
    }

    @Test
    void aCompletedSourcingSheetCountsAsOneSourcingDone() {
        String direction = "Direction " + UniqueWords.next();
        Person buyer = signedIn(Role.BUYER, direction);
        long lineId = TestLines.create(programming, draft -> draft.direction = direction);
        SourcingJournal.Period year = SourcingJournal.Period.year(LocalDate.now(FrenchFormat.ZONE).getYear());
        assertEquals(0, sourcingJournal.completedSourcings(year, direction));
        String sheet = "/fiches-sourcing/" + lineId;
        Document page = buyer.browser().page(sheet);
        assertTrue(page.text().contains("Enregistrez d’abord les questions"));
        HttpResponse<String> tooEarly = buyer.browser().post(sheet, Map.of("questions", "Délais ?\nPrix ?", "resume", "Offre locale", "terminee", "on"));
        assertEquals(422, tooEarly.statusCode());
        assertEquals(303, buyer.browser().post(sheet, Map.of("questions", "Délais ?\nPrix ?", "resume", "")).statusCode());
        String body = "_csrf=" + buyer.browser().csrfToken() + "&nomFournisseur=Atelier&reponse=Deux+semaines&reponse=Selon+volume";
        assertEquals(303, buyer.browser().postFormBody(sheet + "/reponses", body).statusCode());
        assertEquals(303, buyer.browser().post(sheet, Map.of("questions", "Délais ?\nPrix ?", "resume", "Offre locale", "terminee", "on")).statusCode());
        assertTrue(buyer.browser().page(sheet).text().contains("Deux semaines"));
        assertEquals(1, sourcingJournal.completedSourcings(year, direction));
        assertEquals(403, signedIn(Role.BUYER, "Direction " + UniqueWords.next()).browser().get(sheet).statusCode());
    }

    private long insertAssigned(Supplier supplier, long accountId, Instant created) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement("""
                INSERT INTO recontact_request (supplier_id, topic, sectors, message, status, assigned_to, created_at, assigned_at)
                VALUES (?, 'Relance', '', '', 'ASSIGNED', ?, ?, ?) RETURNING id""")) {
                statement.setLong(1, supplier.id());
                statement.setLong(2, accountId);
                statement.setTimestamp(3, Timestamp.from(created));
                statement.setTimestamp(4, Timestamp.from(created));
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
