package fr.vivier.directory.moderation;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.sourcing.RecontactQueueService;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.Sirets;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import fr.vivier.web.FrenchFormat;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationControllerTest implements IntegrationTest {
    private static final String STAFF_NAME = "Test " + Role.STAFF.label();

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    RecontactQueueService recontacts;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    fr.vivier.testsupport.MutableClock clock;

    private WebClient signedIn(Role role) {
        WebClient browser = new WebClient(server.getURI());
        HttpResponse<String> signIn = browser.signIn(TestAccounts.create(accounts, role), TestAccounts.PASSWORD);
        assertEquals(303, signIn.statusCode(), "connexion");
        return browser;
    }

    private WebClient staff() {
        return signedIn(Role.STAFF);
    }

    private String contactEmail(Supplier supplier) {
        return directory.view(supplier).contact().email();
    }

    private Supplier reload(Supplier supplier) {
        return directory.find(supplier.id()).orElseThrow();
    }

    /** Opens the staff page (for its CSRF token) and posts one of its forms. */
    private HttpResponse<String> act(WebClient staff, Supplier supplier, String action, Map<String, String> fields) {
        assertEquals(200, staff.get("/agents/fiches/" + supplier.id()).statusCode());
        return staff.post("/agents/fiches/" + supplier.id() + "/" + action, fields);
    }

    private void publish(WebClient staff, Supplier supplier) {
        HttpResponse<String> response = act(staff, supplier, "publication", Map.of());
        assertEquals(303, response.statusCode(), response.body());
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndBuyersAreRefused() {
        Supplier supplier = TestSuppliers.register(directory);
        WebClient anonymous = new WebClient(server.getURI());
        HttpResponse<String> queue = anonymous.get("/agents/fiches");
        assertEquals(303, queue.statusCode());
        assertTrue(queue.headers().firstValue("location").orElseThrow().startsWith("/connexion?retour="));
        assertEquals(303, anonymous.get("/agents/fiches/" + supplier.id()).statusCode());

        WebClient buyer = signedIn(Role.BUYER);
        assertEquals(403, buyer.get("/agents/fiches").statusCode());
        assertEquals(403, buyer.get("/agents/fiches/" + supplier.id()).statusCode());
        buyer.get("/");
        assertEquals(403, buyer.post("/agents/fiches/" + supplier.id() + "/publication", Map.of()).statusCode());
        assertEquals(SupplierStatus.PENDING, reload(supplier).status());
    }

    @Test
    void queueListsNewProfilesWithALinkToTheirStaffPage() {
        Supplier supplier = TestSuppliers.register(directory, draft -> draft.name = "Régie de quartier du Bas-Montreuil");
        WebClient staff = staff();
        Document first = staff.page("/agents/fiches");
        assertEquals("Fiches à relire", first.selectFirst("h1").text());
        // other tests leave profiles in the queue, some dated by a clock they moved: look the new one up by its SIRET
        Document found = staff.page("/agents/fiches?q=" + supplier.siret());
        Element link = found.selectFirst("a[href=/agents/fiches/" + supplier.id() + "]");
        assertNotNull(link, "la fiche est dans la file");
        Element row = link.closest("tr");
        assertTrue(row.text().contains("Atelier et chantier d’insertion (ACI)"));
        assertTrue(row.text().contains("Montreuil"));
        assertTrue(row.text().contains("En attente de validation"));
        assertTrue(row.text().contains("Nouvelle inscription"));
        assertTrue(row.text().contains(FrenchFormat.date(Instant.now())));
    }

    @Test
    void theQueueIsFilteredByNameSiretKindCommuneAndStatusAndShowsTheTime() {
        String word = "filtre" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Supplier insertion = TestSuppliers.register(directory, draft -> {
            draft.name = "Chantier " + word;
            draft.communeCode = "93048";
        });
        TestSuppliers.register(directory, draft -> {
            draft.name = "Entreprise " + word;
            draft.kind = "COMPANY";
            draft.legalForm = "SAS";
            draft.communeCode = "93048";
        });
        TestSuppliers.register(directory, draft -> {
            draft.name = "Régie de Bondy " + word;
            draft.communeCode = "93010";
        });
        WebClient staff = staff();
        java.util.function.Function<String, List<String>> names = query -> staff.page("/agents/fiches?" + query)
            .select("tbody td:first-child a").eachText().stream().sorted().toList();

        assertEquals(List.of("Chantier " + word, "Entreprise " + word, "Régie de Bondy " + word), names.apply("q=" + word));
        assertEquals(List.of("Chantier " + word, "Régie de Bondy " + word), names.apply("q=" + word + "&type=SIAE"));
        String siret = insertion.siret();
        assertEquals(List.of("Chantier " + word), names.apply("q=" + siret.substring(0, 9) + "+" + siret.substring(9)));
        assertEquals(List.of(), names.apply("q=" + word + "&statut=PUBLISHED"));

        HttpResponse<String> ambiguous = staff.get("/agents/fiches?q=" + word + "&commune=Montreuil");
        assertEquals(422, ambiguous.statusCode());
        Document choice = Jsoup.parse(ambiguous.body());
        assertEquals(List.of("", "93048", "85148", "28267"), choice.select("#champ-communeCode option").eachAttr("value"));
        assertEquals(List.of("Chantier " + word, "Entreprise " + word),
            names.apply("q=" + word + "&commune=Montreuil&communeCode=93048"));
        Document chosen = staff.page("/agents/fiches?q=" + word + "&commune=Montreuil&communeCode=93048");
        assertEquals("Montreuil (93)", chosen.selectFirst("#champ-commune").val());

        String row = staff.page("/agents/fiches?q=" + word + "&type=COMPANY").selectFirst("tbody tr").text();
        assertTrue(row.matches(".*\\d{1,2} \\p{L}+ \\d{4} à \\d{2}h\\d{2}.*"), "the date shows its time: " + row);
    }

    @Test
    void staffPageShowsContactConsentsWithTheirTextVersionAndRecontactRequests() {
        Supplier supplier = TestSuppliers.register(directory, draft -> draft.recontact("Présenter notre offre de nettoyage"));
        directory.withdrawConsent(supplier.id(), ConsentKind.RECONTACT, DirectoryService.ACTOR_SUPPLIER);
        Document page = staff().page("/agents/fiches/" + supplier.id());
        String text = page.text();
        assertTrue(text.contains(contactEmail(supplier)));
        assertTrue(text.contains("Camille Martin, Coordinatrice"));
        assertTrue(text.contains(ConsentKind.PUBLISH_CONTACT.text()));
        assertTrue(text.contains("(version " + ConsentKind.PUBLISH_CONTACT.version() + ")"));
        Element recontactConsent = page.select("td:contains(Recontact par les acheteurs)").first().closest("tr");
        assertFalse(recontactConsent.text().contains("en vigueur"), "le retrait est daté");
        assertTrue(text.contains("Présenter notre offre de nettoyage"));
        assertTrue(text.contains("Nouvelle"));
        assertEquals(404, staff().get("/agents/fiches/999999999").statusCode());
    }

    @Test
    void publishingShowsThePublicPageAndMailsTheContact() {
        Supplier supplier = TestSuppliers.register(directory);
        WebClient anonymous = new WebClient(server.getURI());
        assertEquals(404, anonymous.get("/fournisseurs/" + supplier.slug()).statusCode());

        WebClient staff = staff();
        HttpResponse<String> response = act(staff, supplier, "publication", Map.of());
        assertEquals(303, response.statusCode());
        assertEquals("/agents/fiches/" + supplier.id() + "?succes=publication", response.headers().firstValue("location").orElseThrow());
        assertTrue(staff.page(response.headers().firstValue("location").orElseThrow()).selectFirst(".alerte--succes").text()
            .contains("La fiche est publiée"));

        assertEquals(200, anonymous.get("/fournisseurs/" + supplier.slug()).statusCode());
        assertEquals(SupplierStatus.PUBLISHED, reload(supplier).status());
        assertFalse(reload(supplier).reviewNeeded(), "la fiche quitte la file");
        List<MailCatcher.Mail> mails = MailCatcher.awaitMails(contactEmail(supplier), 2);
        MailCatcher.Mail published = mails.stream().filter(mail -> mail.subject().equals("Votre fiche est publiée sur Vivier"))
            .findFirst().orElseThrow();
        assertTrue(published.text().contains("/fournisseurs/" + supplier.slug()), published.text());
        assertNotNull(Jsoup.parse(published.html()).selectFirst("a[href$=/fournisseurs/" + supplier.slug() + "]"), published.html());
    }

    @Test
    void rejectingRequiresAReasonKeepsTheInputAndMailsTheReason() {
        Supplier supplier = TestSuppliers.register(directory);
        WebClient staff = staff();

        HttpResponse<String> empty = act(staff, supplier, "refus", Map.of("rejectionReason", "  "));
        assertEquals(422, empty.statusCode());
        Document page = Jsoup.parse(empty.body());
        assertTrue(page.selectFirst("#erreur-rejectionReason").text().contains("Indiquez le motif du refus"));
        assertNotNull(page.selectFirst(".resume-erreurs a[href=#champ-rejectionReason]"));
        assertEquals(SupplierStatus.PENDING, reload(supplier).status());

        String tooLong = "x".repeat(1001);
        HttpResponse<String> long1001 = staff.post("/agents/fiches/" + supplier.id() + "/refus", Map.of("rejectionReason", tooLong));
        assertEquals(422, long1001.statusCode());
        Document kept = Jsoup.parse(long1001.body());
        assertTrue(kept.selectFirst("#erreur-rejectionReason").text().contains("1000 caractères"));
        assertEquals(tooLong, kept.selectFirst("#champ-rejectionReason").text(), "la saisie est conservée");
        assertEquals(SupplierStatus.PENDING, reload(supplier).status());

        String reason = "Le SIRET ne correspond pas à la raison sociale <indiquée>.";
        assertEquals(303, staff.post("/agents/fiches/" + supplier.id() + "/refus", Map.of("rejectionReason", reason)).statusCode());
        Supplier rejected = reload(supplier);
        assertEquals(SupplierStatus.REJECTED, rejected.status());
        assertEquals(reason, rejected.statusReason());
        List<MailCatcher.Mail> mails = MailCatcher.awaitMails(contactEmail(supplier), 2);
        MailCatcher.Mail refusal = mails.stream().filter(mail -> mail.subject().contains("n’a pas été validée")).findFirst().orElseThrow();
        assertTrue(refusal.text().contains(reason));
    }

    @Test
    void suspendingHidesThePublicPageAndRejectingAPublishedProfileIsRefused() {
        Supplier supplier = TestSuppliers.register(directory);
        WebClient staff = staff();
        publish(staff, supplier);
        assertEquals(200, new WebClient(server.getURI()).get("/fournisseurs/" + supplier.slug()).statusCode());

        HttpResponse<String> wrong = act(staff, supplier, "refus", Map.of("rejectionReason", "Trop tard"));
        assertEquals(409, wrong.statusCode());
        assertTrue(Jsoup.parse(wrong.body()).selectFirst(".alerte--attention").text().contains("suspendez une fiche publiée"));

        HttpResponse<String> missing = act(staff, supplier, "suspension", Map.of("suspensionReason", ""));
        assertEquals(422, missing.statusCode());
        assertTrue(Jsoup.parse(missing.body()).selectFirst("#erreur-suspensionReason").text().contains("motif de la suspension"));

        String reason = "Attestation d’assurance expirée.";
        assertEquals(303, staff.post("/agents/fiches/" + supplier.id() + "/suspension", Map.of("suspensionReason", reason)).statusCode());
        assertEquals(SupplierStatus.SUSPENDED, reload(supplier).status());
        assertEquals(404, new WebClient(server.getURI()).get("/fournisseurs/" + supplier.slug()).statusCode());
        List<MailCatcher.Mail> mails = MailCatcher.awaitMails(contactEmail(supplier), 3);
        assertTrue(mails.stream().anyMatch(mail -> mail.subject().equals("Votre fiche Vivier est suspendue") && mail.text().contains(reason)));
    }

    @Test
    void verifiedLabelShowsAsVerifiedOnThePublicPage() {
        Supplier supplier = TestSuppliers.register(directory, draft -> draft.label("qualiopi", "https://example.org/certificat", "2030-01-31"));
        WebClient staff = staff();
        publish(staff, supplier);
        assertTrue(publicLabelStates(supplier).contains("non vérifié"));

        assertEquals(303, act(staff, supplier, "labels/qualiopi/verifie", Map.of()).statusCode());
        assertEquals("vérifié", publicLabelStates(supplier));
        Document page = staff.page("/agents/fiches/" + supplier.id());
        assertTrue(page.selectFirst("td:contains(Qualiopi)").closest("tr").text().contains("vérifié le " + FrenchFormat.date(Instant.now())));
        assertTrue(page.select("#titre-historique ~ div tbody tr").first().text().contains("Label vérifié"));

        assertEquals(303, act(staff, supplier, "labels/qualiopi/non-verifie", Map.of()).statusCode());
        assertEquals("non vérifié", publicLabelStates(supplier));
        assertEquals(409, act(staff, supplier, "labels/inconnu/verifie", Map.of()).statusCode());
    }

    @Test
    void labelWhoseExpiryDateHasPassedShowsAsExpired() {
        Supplier supplier = TestSuppliers.register(directory, draft -> draft.label("qualiopi", "QUA-2024-118", "2030-01-31"));
        WebClient staff = staff();
        publish(staff, supplier);
        assertEquals(303, act(staff, supplier, "labels/qualiopi/verifie", Map.of()).statusCode());
        expireLabel(supplier, "qualiopi", LocalDate.now(FrenchFormat.ZONE).minusDays(1));

        assertEquals("expiré", publicLabelStates(supplier));
        Element row = staff.page("/agents/fiches/" + supplier.id()).selectFirst("td:contains(Qualiopi)").closest("tr");
        assertTrue(row.text().contains("expiré"));
        assertFalse(row.text().contains("vérifié le"));
    }

    /** 23:30 UTC is already the next day in Paris: a label that expired on the UTC date shows as expired. */
    @Test
    void atHalfPastElevenUtcTheExpiryIsJudgedOnTheParisDate() {
        clock.pinTo(java.time.Instant.parse("2026-11-29T23:30:00Z"));
        try {
            Supplier supplier = TestSuppliers.register(directory, draft -> draft.label("qualiopi", "QUA-2024-119", "2030-01-31"));
            WebClient staff = staff();
            publish(staff, supplier);
            assertEquals(303, act(staff, supplier, "labels/qualiopi/verifie", Map.of()).statusCode());
            expireLabel(supplier, "qualiopi", LocalDate.parse("2026-11-29"));

            assertEquals("expiré", publicLabelStates(supplier));
        } finally {
            clock.reset();
        }
    }

    @Test
    void mergeIsRefusedForProfilesOfDifferentSirens() {
        Supplier kept = TestSuppliers.register(directory);
        Supplier other = TestSuppliers.register(directory);
        HttpResponse<String> response = act(staff(), kept, "fusion", Map.of("duplicateId", String.valueOf(other.id())));
        assertEquals(409, response.statusCode());
        assertTrue(Jsoup.parse(response.body()).selectFirst(".alerte--attention").text()
            .contains("Fusion impossible : les deux fiches n’ont pas le même SIREN"));
        assertEquals(SupplierStatus.PENDING, reload(other).status());
        assertEquals(SupplierStatus.PENDING, reload(kept).status());
    }

    @Test
    void mergeOfTheSameSirenMovesRequestsAndHistoryAndSuspendsTheDuplicate() {
        String siren = Sirets.next().substring(0, 9);
        String email = TestSuppliers.newEmail();
        Supplier kept = TestSuppliers.register(directory, draft -> {
            draft.siret = TestSuppliers.newSiret(siren);
            draft.contactEmail = email;
        });
        Supplier duplicate = TestSuppliers.register(directory, draft -> {
            draft.siret = TestSuppliers.newSiret(siren);
            draft.contactEmail = email.toUpperCase();
            draft.recontact("Marchés de nettoyage des écoles");
        });
        WebClient staff = staff();
        Document page = staff.page("/agents/fiches/" + kept.id());
        Element row = page.selectFirst("#titre-siren ~ div a[href=/agents/fiches/" + duplicate.id() + "]").closest("tr");
        assertNotNull(row.selectFirst("form[action=/agents/fiches/" + kept.id() + "/fusion] input[name=duplicateId][value=" + duplicate.id() + "]"));

        HttpResponse<String> response = staff.post("/agents/fiches/" + kept.id() + "/fusion", Map.of("duplicateId", String.valueOf(duplicate.id())));
        assertEquals(303, response.statusCode(), response.body());

        Supplier merged = reload(duplicate);
        assertEquals(SupplierStatus.SUSPENDED, merged.status());
        assertEquals("fusionnée avec " + kept.slug(), merged.statusReason());
        assertTrue(recontacts.ofSupplier(duplicate.id()).isEmpty());
        assertEquals(1, recontacts.ofSupplier(kept.id()).size());
        assertNull(directory.view(merged).contact(), "même adresse : le contact en double est supprimé");
        assertTrue(directory.activeConsents(duplicate.id()).isEmpty());
        assertNotNull(directory.view(reload(kept)).contact());

        Document after = staff.page("/agents/fiches/" + kept.id() + "?succes=fusion");
        assertTrue(after.selectFirst(".alerte--succes").text().contains("fusionnées"));
        String history = after.selectFirst("#titre-historique").parent().text();
        assertTrue(history.contains("Fusion"));
        assertTrue(history.contains("(fiche " + duplicate.slug() + ")"), "l’historique du doublon est repris");
        assertTrue(after.selectFirst("#titre-recontact").parent().text().contains("Marchés de nettoyage des écoles"));
        assertEquals(409, staff.post("/agents/fiches/" + kept.id() + "/fusion", Map.of("duplicateId", String.valueOf(kept.id()))).statusCode());
    }

    @Test
    void mergeKeepsTheDuplicateContactWhenItIsAnotherPerson() {
        String siren = Sirets.next().substring(0, 9);
        Supplier kept = TestSuppliers.register(directory, draft -> draft.siret = TestSuppliers.newSiret(siren));
        Supplier duplicate = TestSuppliers.register(directory, draft -> draft.siret = TestSuppliers.newSiret(siren));
        assertEquals(303, act(staff(), kept, "fusion", Map.of("duplicateId", String.valueOf(duplicate.id()))).statusCode());
        assertEquals(SupplierStatus.SUSPENDED, reload(duplicate).status());
        assertNotNull(directory.view(reload(duplicate)).contact());
        assertTrue(MailCatcher.awaitMails(contactEmail(duplicate), 2).stream()
            .anyMatch(mail -> mail.text().contains("fusionnée avec " + kept.slug())));
    }

    @Test
    void aPublishedProfileModifiedByItsStructureIsMarkedAsReadWithoutAMail() {
        TestSuppliers.Draft draft = new TestSuppliers.Draft();
        Supplier supplier = TestSuppliers.register(directory, registered -> registered.siret = draft.siret);
        WebClient staff = staff();
        publish(staff, supplier);
        String email = contactEmail(supplier);
        MailCatcher.awaitMails(email, 2);
        draft.description = "Nouvelle présentation : nous faisons aussi du maraîchage.";
        draft.contactEmail = email;
        assertTrue(directory.update(supplier.id(), draft.toInput(), DirectoryService.ACTOR_SUPPLIER)
            instanceof DirectoryService.RegistrationResult.Registered);
        assertTrue(reload(supplier).reviewNeeded());

        Document page = staff.page("/agents/fiches/" + supplier.id());
        assertNull(page.selectFirst("form[action$=/publication]"), "déjà publiée");
        assertNotNull(page.selectFirst("form[action$=/suspension]"));
        assertEquals(303, staff.post("/agents/fiches/" + supplier.id() + "/relecture", Map.of()).statusCode());
        assertFalse(reload(supplier).reviewNeeded());
        assertEquals(SupplierStatus.PUBLISHED, reload(supplier).status());
        assertEquals(2, MailCatcher.mailsOf(email).size(), "pas de courriel pour une simple relecture");
    }

    @Test
    void historyShowsWhoDidWhatAndWhen() {
        Supplier supplier = TestSuppliers.register(directory);
        WebClient staff = staff();
        publish(staff, supplier);
        List<Element> rows = staff.page("/agents/fiches/" + supplier.id()).select("#titre-historique ~ div tbody tr");
        assertEquals(2, rows.size());
        String latest = rows.get(0).text();
        assertTrue(latest.contains(STAFF_NAME), latest);
        assertTrue(latest.contains("Publication"));
        assertTrue(latest.contains(FrenchFormat.date(Instant.now())));
        assertTrue(rows.get(1).text().contains(DirectoryService.ACTOR_SUPPLIER));
        assertTrue(rows.get(1).text().contains("Inscription"));
    }

    private String publicLabelStates(Supplier supplier) {
        Document page = new WebClient(server.getURI()).page("/fournisseurs/" + supplier.slug());
        return page.select("#titre-labels ~ ul .etiquette").text();
    }

    private void expireLabel(Supplier supplier, String code, LocalDate expiresOn) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                "UPDATE supplier_label SET expires_on = ? WHERE supplier_id = ? AND label_code = ?")) {
                statement.setObject(1, expiresOn);
                statement.setLong(2, supplier.id());
                statement.setString(3, code);
                return statement.executeUpdate();
            }
        });
    }
}
