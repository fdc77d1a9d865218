package fr.vivier.accounts;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsAdminControllerTest implements IntegrationTest {
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/invitation/[A-Za-z0-9_-]+)");

    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    SecurityEventRepository securityEvents;

    private WebClient signedInAdmin() {
        WebClient admin = new WebClient(server.getURI());
        admin.signIn(TestAccounts.create(accounts, Role.ADMIN), TestAccounts.PASSWORD);
        admin.get("/admin/comptes");
        return admin;
    }

    private static String newEmail() {
        return "invite-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
    }

    @Test
    void invitedBuyerReceivesAMailChoosesAPasswordAndSignsIn() {
        WebClient admin = signedInAdmin();
        String email = newEmail();
        HttpResponse<String> invite = admin.post("/admin/comptes/invitations",
            Map.of("email", email, "displayName", "Claude Acheteur", "role", "BUYER", "direction", "Direction des sports"));
        assertEquals(303, invite.statusCode());
        assertTrue(admin.get(invite.headers().firstValue("location").orElseThrow()).body().contains("Invitation envoyée à " + email));

        List<MailCatcher.Mail> mails = MailCatcher.awaitMails(email, 1);
        MailCatcher.Mail mail = mails.get(0);
        assertEquals("Votre invitation sur Vivier", mail.subject());
        assertTrue(mail.text().contains("Bonjour Claude Acheteur"));
        assertTrue(mail.html().contains("Choisir mon mot de passe"));
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        String path = link.group(1);

        WebClient invited = new WebClient(server.getURI());
        assertTrue(invited.get(path).body().contains("Choisir mon mot de passe"));
        HttpResponse<String> weak = invited.post(path, Map.of("password", "motdepasse2026", "confirmation", "motdepasse2026"));
        assertEquals(422, weak.statusCode());
        assertNotNull(Jsoup.parse(weak.body()).selectFirst("#erreur-password"));

        String password = "Le vivier des fournisseurs locaux";
        HttpResponse<String> saved = invited.post(path, Map.of("password", password, "confirmation", password));
        assertEquals(303, saved.statusCode());
        assertEquals(303, new WebClient(server.getURI()).signIn(email, password).statusCode());

        assertEquals(410, new WebClient(server.getURI()).get(path).statusCode(), "the link works only once");
        long accountId = accounts.findByEmail(email).orElseThrow().id();
        assertFalse(securityEvents.findByKindAndAccountIdOrderByIdDesc(SecurityEvent.INVITATION_SENT, accountId).isEmpty());
    }

    @Test
    void invitationFormShowsErrorsNextToFieldsAndKeepsInput() {
        WebClient admin = signedInAdmin();
        HttpResponse<String> response = admin.post("/admin/comptes/invitations",
            Map.of("email", "pas une adresse", "displayName", "", "role", "BUYER", "direction", "<b>Direction</b>"));
        assertEquals(422, response.statusCode());
        var page = Jsoup.parse(response.body());
        assertNotNull(page.selectFirst("#erreur-email"));
        assertNotNull(page.selectFirst("#erreur-displayName"));
        assertEquals("pas une adresse", page.selectFirst("#champ-email").attr("value"));
        assertEquals("<b>Direction</b>", page.selectFirst("#champ-direction").attr("value"), "kept as typed, shown escaped");
        assertTrue(accounts.findByEmail("pas une adresse").isEmpty());
    }

    @Test
    void onlyBuyersStaffAndAdministratorsCanBeInvited() {
        WebClient admin = signedInAdmin();
        String email = newEmail();
        HttpResponse<String> response = admin.post("/admin/comptes/invitations",
            Map.of("email", email, "displayName", "Quelqu’un", "role", "SUPPLIER", "direction", ""));
        assertEquals(422, response.statusCode());
        assertTrue(Jsoup.parse(response.body()).text().contains("Choisissez un des rôles proposés."));
        assertTrue(accounts.findByEmail(email).isEmpty());
    }

    @Test
    void theInvitationBannerNeverShowsTextFromTheAddressBar() {
        WebClient admin = signedInAdmin();
        assertFalse(admin.get("/admin/comptes?invite=999999999").body().contains("Invitation envoyée"));
        assertEquals(400, admin.get("/admin/comptes?invite=Votre+compte+est+bloqué,+appelez+le+0899").statusCode());
    }

    @Test
    void anAdministratorSendsAForgetfulUserALinkToChooseANewPassword() {
        WebClient admin = signedInAdmin();
        String email = TestAccounts.create(accounts, Role.STAFF);
        long id = accounts.findByEmail(email).orElseThrow().id();
        admin.get("/admin/comptes");

        HttpResponse<String> sent = admin.post("/admin/comptes/" + id + "/reinitialisation", Map.of());
        assertEquals(303, sent.statusCode());
        assertTrue(admin.get(sent.headers().firstValue("location").orElseThrow()).body().contains("nouveau mot de passe a été envoyé à " + email));
        MailCatcher.Mail mail = MailCatcher.awaitMails(email, 1).get(0);
        assertEquals("Choisir un nouveau mot de passe sur Vivier", mail.subject());
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());

        String password = "Un nouveau mot de passe bien long";
        WebClient user = new WebClient(server.getURI());
        user.get(link.group(1));
        assertEquals(303, user.post(link.group(1), Map.of("password", password, "confirmation", password)).statusCode());
        assertEquals(303, new WebClient(server.getURI()).signIn(email, password).statusCode());
        assertEquals(422, new WebClient(server.getURI()).signIn(email, TestAccounts.PASSWORD).statusCode(), "the old password is gone");
    }

    @Test
    void invitingAnExistingEmailIsRefused() {
        WebClient admin = signedInAdmin();
        String existing = TestAccounts.create(accounts, Role.STAFF);
        HttpResponse<String> response = admin.post("/admin/comptes/invitations",
            Map.of("email", existing, "displayName", "Doublon", "role", "STAFF", "direction", ""));
        assertEquals(422, response.statusCode());
        assertTrue(Jsoup.parse(response.body()).selectFirst("#erreur-email").text().contains("existe déjà"));
    }

    @Test
    void disabledAccountLosesItsSessionAndCannotSignInAgain() {
        WebClient admin = signedInAdmin();
        String email = TestAccounts.create(accounts, Role.BUYER);
        WebClient buyer = new WebClient(server.getURI());
        buyer.signIn(email, TestAccounts.PASSWORD);
        assertTrue(buyer.get("/").body().contains("Test Acheteur"));

        long id = accounts.findByEmail(email).orElseThrow().id();
        assertEquals(303, admin.post("/admin/comptes/" + id + "/desactivation", Map.of()).statusCode());

        assertFalse(buyer.get("/").body().contains("Test Acheteur"), "the open session no longer counts");
        assertEquals(422, new WebClient(server.getURI()).signIn(email, TestAccounts.PASSWORD).statusCode());
    }

    @Test
    void onlyAdministratorsReachTheAccountsPage() {
        WebClient staff = new WebClient(server.getURI());
        staff.signIn(TestAccounts.create(accounts, Role.STAFF), TestAccounts.PASSWORD);
        assertEquals(403, staff.get("/admin/comptes").statusCode());
        assertEquals(403, staff.post("/admin/comptes/invitations",
            Map.of("email", newEmail(), "displayName", "X", "role", "ADMIN", "direction", "")).statusCode());
    }

    @Test
    void unknownInvitationLinkSaysSoInFrench() {
        HttpResponse<String> response = new WebClient(URI.create(server.getURI().toString())).get("/invitation/inconnu");
        assertEquals(410, response.statusCode());
        assertTrue(Jsoup.parse(response.body()).selectFirst("h1").text().contains("plus valable"));
    }
}
