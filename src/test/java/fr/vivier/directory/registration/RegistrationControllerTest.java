package fr.vivier.directory.registration;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierChildren;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.SupplierView;
import fr.vivier.sourcing.RecontactQueueService;
import fr.vivier.sourcing.RecontactRequest;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.Sirets;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    RecontactQueueService recontacts;

    private WebClient browser() {
        return new WebClient(server.getURI()).header("X-Forwarded-For", "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
    }

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.trusted-proxies", "127.0.0.1,::1", "vivier.forms.max-per-ip-per-hour", "3");
    }

    static Map<String, String> validForm(String siret, String email) {
        Map<String, String> form = new HashMap<>();
        form.put("siret", siret.substring(0, 3) + " " + siret.substring(3));
        form.put("name", "Les Jardins <Solidaires> de l’Ourcq");
        form.put("legalForm", "ASSOCIATION");
        form.put("size", "TPE");
        form.put("kind", "ACI");
        form.put("communeQuery", "Bondy");
        form.put("areaOwnCommune", "on");
        form.put("areaOwnEpci", "on");
        form.put("sectors", "espaces-verts-entretien");
        form.put("description", "Chantier d’insertion : entretien d’espaces verts et maraîchage.");
        form.put("offers", "Tonte et débroussaillage\nTaille de haies");
        form.put("contactName", "Camille Martin");
        form.put("contactEmail", email);
        form.put("consentPublishContact", "on");
        form.put("wantsRecontact", "on");
        form.put("recontactTopic", "Présenter notre chantier d’insertion");
        return form;
    }

    private static String newEmail() {
        return "structure-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
    }

    @Test
    void registrationCreatesAPendingProfileARecontactRequestAndAConfirmationMail() {
        String siret = Sirets.next();
        String email = newEmail();
        WebClient browser = browser();
        browser.get("/inscription");
        HttpResponse<String> response = browser.post("/inscription", validForm(siret, email));
        assertEquals(303, response.statusCode());
        assertEquals("/inscription/confirmation", response.headers().firstValue("location").orElseThrow());

        Supplier supplier = directory.findBySiret(siret).orElseThrow();
        assertEquals(SupplierStatus.PENDING, supplier.status());
        assertEquals("Les Jardins <Solidaires> de l’Ourcq", supplier.name(), "HTML is stored as typed");
        assertTrue(supplier.ess(), "an ACI belongs to the ESS");
        assertEquals("93010", supplier.communeCode());
        SupplierView view = directory.view(supplier);
        assertEquals(List.of("espaces-verts-entretien"), view.sectors());
        assertEquals(2, view.areas().size());
        assertEquals(Set(ConsentKind.PUBLISH_CONTACT), view.consents());
        assertEquals(1, recontacts.ofSupplier(supplier.id()).size());
        assertEquals(RecontactRequest.Status.NEW, recontacts.ofSupplier(supplier.id()).get(0).request().status());

        MailCatcher.Mail mail = MailCatcher.awaitMails(email, 1).get(0);
        assertEquals("Votre inscription sur Vivier est enregistrée", mail.subject(), "not « référencée » while it waits for review");
        assertFalse(mail.text().contains("référencée"), mail.text());
        assertTrue(mail.text().contains("Un agent de la collectivité va relire votre fiche avant de la publier"), mail.text());
        assertTrue(mail.text().contains("Camille Martin"));

        String confirmation = browser.page("/inscription/confirmation").selectFirst("main").text();
        assertFalse(confirmation.contains("réglage"), "no internal setting on the page: " + confirmation);
        assertTrue(confirmation.contains("relit votre fiche avant de la publier : vous recevrez un courriel"), confirmation);
    }

    private static java.util.Set<ConsentKind> Set(ConsentKind... kinds) {
        return java.util.Set.of(kinds);
    }

    @Test
    void invalidInputKeepsWhatWasTypedShowsErrorsNextToFieldsAndSavesNothing() {
        String siret = Sirets.next();
        Map<String, String> form = validForm(siret.substring(0, 13), "pas-une-adresse");
        form.put("sectors", "secteur-inconnu");
        form.put("labelCode", "rge");
        form.put("labelExpiresOn", "2001-01-01");
        form.put("name", "Nom\u0000avec NUL");
        WebClient browser = browser();
        browser.get("/inscription");
        HttpResponse<String> response = browser.post("/inscription", form);
        assertEquals(422, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.selectFirst("#erreur-siret").text().contains("14 chiffres"));
        assertNotNull(page.selectFirst("#erreur-contactEmail"));
        assertNotNull(page.selectFirst("#erreur-sectors"));
        assertNotNull(page.selectFirst("#erreur-name"));
        assertNotNull(page.selectFirst("#erreur-labelExpiresOn-0"));
        assertNotNull(page.selectFirst(".resume-erreurs a[href=#champ-siret]"));
        assertEquals("pas-une-adresse", page.selectFirst("#champ-contactEmail").attr("value"));
        assertEquals("Camille Martin", page.selectFirst("#champ-contactName").attr("value"));
        assertTrue(page.title().startsWith("Erreur"));
        assertTrue(directory.findBySiret(siret.substring(0, 13)).isEmpty());
    }

    @Test
    void ambiguousCommuneOffersAChoiceAndTheChoiceIsKept() {
        WebClient browser = browser();
        browser.get("/inscription");
        Map<String, String> form = validForm(Sirets.next(), newEmail());
        form.put("communeQuery", "Saint-Denis");
        HttpResponse<String> response = browser.post("/inscription", form);
        assertEquals(422, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.select("#champ-communeCode option").size() > 1);
        assertNotNull(page.selectFirst("#champ-communeCode option[value=93066]"));
    }

    /** Each post from its own address: the class allows three anonymous posts per address and hour. */
    private HttpResponse<String> register(Map<String, String> form) {
        WebClient browser = browser();
        browser.get("/inscription");
        return browser.post("/inscription", form);
    }

    @Test
    void homonymousCommunesComeTerritoryFirstWithTheirDepartementAndNothingPreselected() {
        String siret = Sirets.next();
        Map<String, String> form = validForm(siret, newEmail());
        form.put("communeQuery", "Montreuil");
        form.remove("areaOwnEpci");

        HttpResponse<String> ambiguous = register(form);
        assertEquals(422, ambiguous.statusCode());
        Document page = Jsoup.parse(ambiguous.body());
        assertEquals(List.of("— Choisir parmi les communes de ce nom —", "Montreuil — Seine-Saint-Denis (93), 93100",
            "Montreuil — Vendée (85), 85200", "Montreuil — Eure-et-Loir (28), 28500"), page.select("#champ-communeCode option").eachText(),
            "the territory (Est Ensemble) first, then by population, each with its département");
        assertTrue(page.select("#champ-communeCode option[selected]").isEmpty(), "no guess preselected");
        assertEquals(List.of("Plusieurs communes correspondent à « Montreuil » : choisissez la vôtre dans la liste."),
            page.select(".resume-erreurs li").eachText(), "one error: the commune, not the intervention area it implies");
        assertNull(page.selectFirst("#erreur-interventionArea"));

        form.put("communeCode", "");
        assertEquals(422, register(form).statusCode(), "sending the form again without choosing registers nothing");
        assertTrue(directory.findBySiret(siret).isEmpty());

        form.put("communeCode", "93048");
        form.put("contactEmail", "pas-une-adresse");
        Document otherMistake = Jsoup.parse(register(form).body());
        assertEquals("Montreuil (93)", otherMistake.selectFirst("#champ-communeQuery").val(), "the choice is kept in the field");
        assertNull(otherMistake.selectFirst("#champ-communeCode"));

        form.put("communeQuery", "Montreuil (93)");
        form.remove("communeCode");
        form.put("contactEmail", newEmail());
        assertEquals(303, register(form).statusCode());
        Supplier supplier = directory.findBySiret(siret).orElseThrow();
        assertEquals("93048", supplier.communeCode());
        assertEquals(List.of("93048"), directory.view(supplier).areas().stream().map(SupplierChildren.Area::areaCode).toList());
    }

    @Test
    void withoutJavaScriptTheListsAreFoldedCheckboxesThatShowHowManyAreTicked() {
        Document empty = browser().page("/inscription");
        assertTrue(empty.select("form select[multiple]").isEmpty(), "no list needing Ctrl-click");
        assertTrue(empty.select("#champ-sectors details[open]").isEmpty());
        assertTrue(empty.select("input[type=checkbox][name=areaDepartements]").size() > 100, "every département as a checkbox");

        Map<String, String> form = validForm(Sirets.next(), "pas-une-adresse");
        form.put("areaDepartements", "94");
        Document again = Jsoup.parse(register(form).body());
        assertEquals("(1 coché)", again.selectFirst("details:has(#secteur-espaces-verts-entretien) .choix__compte").text());
        assertTrue(again.selectFirst("details:has(#secteur-espaces-verts-entretien)").hasAttr("open"));
        assertTrue(again.selectFirst("#departement-94").hasAttr("checked"));
        assertEquals("Autres départements (1 coché)", again.selectFirst("details:has(#departement-94) summary").text());
        assertNotNull(again.selectFirst("script[src=/static/js/choix.js]"));
    }

    @Test
    void aChoiceMadeForAnotherCommuneNameIsNotTakenForTheNewOne() {
        Map<String, String> form = validForm(Sirets.next(), newEmail());
        form.put("communeQuery", "Saint-Denis");
        form.put("communeCode", "93048");
        Document page = Jsoup.parse(register(form).body());
        assertNotNull(page.selectFirst("#champ-communeCode option[value=93066]"));
        assertNull(page.selectFirst("#champ-communeCode option[value=93048]"));
    }

    @Test
    void alreadyRegisteredSiretCreatesNoDuplicateAndMailsTheExistingContactOnceWithOneLiveLink() throws InterruptedException {
        String siret = Sirets.next();
        String firstEmail = newEmail();
        WebClient first = browser();
        first.get("/inscription");
        HttpResponse<String> registered = first.post("/inscription", validForm(siret, firstEmail));
        assertEquals(303, registered.statusCode());

        for (int attempt = 0; attempt < 5; attempt++) {
            WebClient again = browser();
            again.get("/inscription");
            HttpResponse<String> response = again.post("/inscription", validForm(siret, newEmail()));
            assertEquals(registered.headers().firstValue("location"), response.headers().firstValue("location"),
                "the same answer whether the SIRET is registered or not");
            assertFalse(again.get("/inscription/confirmation").body().contains(firstEmail), "no personal data revealed");
        }
        assertEquals(1, directory.findBySiret(siret).stream().count());

        // mails leave in order: once a later registration's confirmation has arrived, any duplicate mail would have too
        WebClient later = browser();
        later.get("/inscription");
        later.post("/inscription", validForm(Sirets.next(), firstEmail));
        List<MailCatcher.Mail> mails = MailCatcher.awaitMails(firstEmail, 3);
        String confirmation = mails.get(0).subject();
        for (int wait = 0; wait < 50 && withSubject(mails, confirmation) < 2; wait++) {
            Thread.sleep(200);
            mails = MailCatcher.mailsOf(firstEmail);
        }
        List<MailCatcher.Mail> duplicates = mails.stream().filter(m -> m.subject().contains("déjà référencée")).toList();
        assertEquals(1, duplicates.size(), "one mail for five duplicate registrations");
        assertTrue(duplicates.get(0).text().contains("/mon-profil/"));
    }

    private static long withSubject(List<MailCatcher.Mail> mails, String subject) {
        return mails.stream().filter(mail -> mail.subject().equals(subject)).count();
    }

    @Test
    void honeypotFilledByABotSavesNothingButLooksFine() {
        String siret = Sirets.next();
        Map<String, String> form = validForm(siret, newEmail());
        form.put("adresseComplementaire", "http://spam.example");
        WebClient bot = browser();
        bot.get("/inscription");
        assertEquals("/inscription/confirmation", bot.post("/inscription", form).headers().firstValue("location").orElseThrow());
        assertTrue(directory.findBySiret(siret).isEmpty());
    }

    @Test
    void tooManyRegistrationsFromOneIpGet429() {
        WebClient sameIp = new WebClient(server.getURI()).header("X-Forwarded-For", "203.0.113." + (int) (Math.random() * 250));
        sameIp.get("/inscription");
        for (int i = 0; i < 3; i++) {
            sameIp.post("/inscription", validForm(Sirets.next(), newEmail()));
            sameIp.get("/inscription");
        }
        HttpResponse<String> blocked = sameIp.post("/inscription", validForm(Sirets.next(), newEmail()));
        assertEquals(429, blocked.statusCode());
        assertTrue(Jsoup.parse(blocked.body()).text().contains("Trop d’envois"));
    }

    @Test
    void publishedProfileShowsContactsOnlyToSignedInBuyersAndOnlyWithConsent() {
        String siret = Sirets.next();
        String email = newEmail();
        WebClient visitor = browser();
        visitor.get("/inscription");
        visitor.post("/inscription", validForm(siret, email));
        Supplier supplier = directory.findBySiret(siret).orElseThrow();
        assertEquals(404, visitor.get("/fournisseurs/" + supplier.slug()).statusCode(), "not public before moderation");
        directory.changeStatus(supplier.id(), SupplierStatus.PUBLISHED, null, "test");

        HttpResponse<String> publicPage = visitor.get("/fournisseurs/" + supplier.slug());
        assertEquals(200, publicPage.statusCode());
        assertTrue(publicPage.body().contains("Les Jardins &lt;Solidaires&gt; de l’Ourcq"), "HTML shown escaped");
        assertFalse(publicPage.body().contains(email));

        WebClient buyer = browser();
        buyer.signIn(TestAccounts.create(accounts, Role.BUYER), TestAccounts.PASSWORD);
        assertTrue(buyer.get("/fournisseurs/" + supplier.slug()).body().contains(email));

        directory.withdrawConsent(supplier.id(), ConsentKind.PUBLISH_CONTACT, "test");
        String afterWithdrawal = buyer.get("/fournisseurs/" + supplier.slug()).body();
        assertFalse(afterWithdrawal.contains(email));
        assertTrue(afterWithdrawal.contains("n’a pas autorisé"));
    }

    @Test
    void structureWhoseDataWereErasedCanRegisterAgain() {
        String siret = Sirets.next();
        WebClient browser = browser();
        browser.get("/inscription");
        browser.post("/inscription", validForm(siret, newEmail()));
        Supplier erased = directory.findBySiret(siret).orElseThrow();
        directory.erase(erased.id(), "test");

        String newEmail = newEmail();
        browser.get("/inscription");
        assertEquals("/inscription/confirmation", browser.post("/inscription", validForm(siret, newEmail))
            .headers().firstValue("location").orElseThrow());
        Supplier back = directory.findBySiret(siret).orElseThrow();
        assertEquals(erased.id(), back.id());
        assertEquals(SupplierStatus.PENDING, back.status());
        assertEquals(newEmail, directory.view(back).contact().email());
        assertTrue(directory.history(back.id()).stream().anyMatch(h -> h.action().equals("REINSCRIPTION")));
    }

    @Test
    void aStructureRegisteringFromAProgrammingLineGetsALinkThatOpensItsSessionAndLeadsBackToTheLine() {
        String line = "/programmation/2027/T-INSCRIT1";
        String email = newEmail();
        WebClient browser = browser();
        Document form = browser.page("/inscription?retour=" + line);
        assertEquals(line, form.selectFirst("form[action=/inscription] input[name=retour]").val());
        Map<String, String> fields = validForm(Sirets.next(), email);
        fields.put("retour", line);
        HttpResponse<String> response = browser.post("/inscription", fields);
        assertEquals(303, response.statusCode(), response.body());
        String confirmation = response.headers().firstValue("location").orElseThrow();
        assertEquals("/inscription/confirmation?retour=%2Fprogrammation%2F2027%2FT-INSCRIT1", confirmation);
        assertTrue(browser.page(confirmation).text().contains("il vous ramène à la ligne de la programmation des achats"));

        MailCatcher.Mail mail = MailCatcher.awaitMail(email, "revenir à la programmation");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/mon-profil/[A-Za-z0-9_-]{20,}\\?retour=\\S+").matcher(mail.text());
        assertTrue(link.find(), mail.text());
        browser.get(link.group());
        HttpResponse<String> opened = browser.post(link.group(), Map.of("retour", line));
        assertEquals(303, opened.statusCode());
        assertEquals(line, opened.headers().firstValue("location").orElseThrow());
    }

    @Test
    void aReturnToAnotherSiteIsDroppedFromTheRegistration() {
        WebClient browser = browser();
        Document form = browser.page("/inscription?retour=https://ailleurs.example/programmation");
        assertNull(form.selectFirst("input[name=retour]"));
        String email = newEmail();
        Map<String, String> fields = validForm(Sirets.next(), email);
        fields.put("retour", "//ailleurs.example/programmation");
        HttpResponse<String> response = browser.post("/inscription", fields);
        assertEquals("/inscription/confirmation", response.headers().firstValue("location").orElseThrow());
        MailCatcher.awaitMail(email, "inscription");
        assertTrue(MailCatcher.mailsOf(email).stream().noneMatch(mail -> mail.subject().contains("revenir")), "no link without a return");
    }
}
