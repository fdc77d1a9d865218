package fr.vivier.buyers;

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
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.vivier.buyers.BuyerTestData.GREEN_SPACES;
import static fr.vivier.buyers.BuyerTestData.contactEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedSearchDigestTest implements IntegrationTest {
    private static final Pattern UNSUBSCRIBE = Pattern.compile("https?://[^/\\s]+(/recherches-enregistrees/desabonnement/[A-Za-z0-9_-]+)");

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    SupplierSearch search;
    @Inject
    SavedSearchDigest digest;
    @Inject
    TransactionOperations<Connection> transactions;

    private void awaitSearchable(String word, int count) {
        Await.until(() -> search.search(new SearchQuery(word, List.of(), List.of(), List.of(), List.of(), List.of(), null,
            false, false, SearchQuery.Sort.NAME, 1, 20)).total() == count, Duration.ofSeconds(10));
    }

    private record Buyer(WebClient browser, String email) { }

    private Buyer buyer() {
        String email = TestAccounts.create(accounts, Role.BUYER);
        WebClient browser = new WebClient(server.getURI());
        assertEquals(303, browser.signIn(email, TestAccounts.PASSWORD).statusCode());
        return new Buyer(browser, email);
    }

    private void save(WebClient browser, String name, String query) {
        browser.get("/recherches-enregistrees/nouvelle?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> saved = browser.post("/recherches-enregistrees", Map.of("name", name, "query", query));
        assertEquals(303, saved.statusCode(), saved.body());
    }

    /**
     * The mails queued for this address, sent or not: all the sender will ever deliver to it. Read once the digest's
     * transaction committed, it says « nothing more will be mailed » without waiting for the sender.
     */
    private long mailsQueuedTo(String email) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                "SELECT count(*) FROM mail_outbox WHERE lower(recipient) = lower(?)")) {
                statement.setString(1, email);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Test
    void aNewMatchingSupplierIsMailedOnceAndUnsubscribingStopsTheMails() {
        String word = UniqueWords.next();
        Supplier before = TestSuppliers.publish(directory, d -> {
            d.name = "Ancien " + word;
            d.kind = "ACI";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        awaitSearchable(word, 1);
        Buyer buyer = buyer();
        save(buyer.browser(), "Jardins " + word, "q=" + word + "&sector=" + GREEN_SPACES);
        Supplier fresh = TestSuppliers.publish(directory, d -> {
            d.name = "Nouveau " + word;
            d.kind = "EI";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        awaitSearchable(word, 2);

        assertTrue(digest.runOnce().ran());

        List<MailCatcher.Mail> mails = MailCatcher.awaitMails(buyer.email(), 1);
        assertEquals(1, mails.size());
        MailCatcher.Mail mail = mails.get(0);
        assertEquals("Nouveaux fournisseurs pour votre recherche « Jardins " + word + " »", mail.subject());
        assertTrue(mail.text().contains("Nouveau " + word), mail.text());
        assertTrue(mail.text().contains("/fournisseurs/" + fresh.slug()));
        assertFalse(mail.text().contains(before.name()));
        assertTrue(mail.html().contains("/fournisseurs/" + fresh.slug()));

        assertTrue(digest.runOnce().ran());
        assertEquals(1, mailsQueuedTo(buyer.email()), "nothing new: no second mail");

        Matcher link = UNSUBSCRIBE.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        WebClient anonymous = new WebClient(server.getURI());
        Document confirmation = anonymous.page(link.group(1));
        assertNotNull(confirmation.selectFirst("form[action=" + link.group(1) + "] button"));
        HttpResponse<String> unsubscribed = anonymous.post(link.group(1), Map.of());
        assertEquals(303, unsubscribed.statusCode());
        assertTrue(anonymous.page(link.group(1)).text().contains("Vous êtes désabonné"));
        assertTrue(buyer.browser().page("/recherches-enregistrees").text().contains("désabonné"));

        TestSuppliers.publish(directory, d -> {
            d.name = "Encore " + word;
            d.kind = "COMPANY";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        awaitSearchable(word, 3);
        assertTrue(digest.runOnce().ran());
        assertEquals(1, mailsQueuedTo(buyer.email()), "unsubscribed: no more mail");
    }

    @Test
    void unsubscribingNeedsTheCsrfTokenAndAValidLink() {
        WebClient anonymous = new WebClient(server.getURI());
        HttpResponse<String> unknown = anonymous.get("/recherches-enregistrees/desabonnement/inconnu");
        assertEquals(410, unknown.statusCode());
        assertTrue(Jsoup.parse(unknown.body()).text().contains("n’est plus valable"));
        assertEquals(403, anonymous.postRaw("/recherches-enregistrees/desabonnement/inconnu", Map.of()).statusCode());
    }

    @Test
    void savedSearchesAreListedUnsubscribedAndDeletedByTheirBuyerOnly() {
        String word = UniqueWords.next();
        Buyer buyer = buyer();
        save(buyer.browser(), "Traiteurs " + word, "q=" + word + "&kind=ESS&page=3&unknown=1");
        Document list = buyer.browser().page("/recherches-enregistrees?message=enregistree");
        assertTrue(list.text().contains("Recherche enregistrée"));
        var link = list.selectFirst("a:contains(Traiteurs " + word + ")");
        assertNotNull(link);
        assertEquals("/fournisseurs?q=" + word + "&kind=ESS", link.attr("href"));
        String unsubscribe = list.selectFirst("form[action$=/desabonnement]").attr("action");
        String delete = list.selectFirst("form[action$=/suppression]").attr("action");

        Buyer other = buyer();
        other.browser().get("/recherches-enregistrees");
        assertEquals(403, other.browser().post(delete, Map.of()).statusCode());

        buyer.browser().get("/recherches-enregistrees");
        assertEquals(303, buyer.browser().post(unsubscribe, Map.of()).statusCode());
        assertTrue(buyer.browser().page("/recherches-enregistrees").text().contains("Se réabonner"));
        assertEquals(303, buyer.browser().post(delete, Map.of()).statusCode());
        assertTrue(buyer.browser().page("/recherches-enregistrees").text().contains("Vous n’avez pas encore enregistré de recherche."));
    }

    @Test
    void aSearchWithoutNameIsRefusedWithTheQueryKept() {
        Buyer buyer = buyer();
        buyer.browser().get("/recherches-enregistrees/nouvelle?query=q%3Djardin");
        HttpResponse<String> response = buyer.browser().post("/recherches-enregistrees", Map.of("name", "", "query", "q=jardin"));
        assertEquals(422, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals("Donnez un nom à cette recherche.", page.selectFirst("#erreur-name").text());
        assertEquals("q=jardin", page.selectFirst("input[name=query]").val());
        assertNotNull(page.selectFirst("#resume-erreurs"));
        assertEquals(303, new WebClient(server.getURI()).get("/recherches-enregistrees").statusCode());
    }
}
