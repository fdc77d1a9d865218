package fr.vivier.meetings.speed;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.meetings.Registration;
import fr.vivier.testsupport.IntegrationTest;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A buyer registered to a speed-meeting chooses, signed in, the suppliers it wants to meet. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuyerWishControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    WishService wishService;
    @Inject
    SpeedMeetings meetings;

    @Test
    void aRegisteredBuyerChoosesTheSuppliersItWantsToMeet() {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        String email = TestAccounts.create(accounts, Role.BUYER);
        Registration own = meetings.buyer(f.event(), email);
        WebClient buyer = new WebClient(server.getURI());
        assertEquals(303, buyer.signIn(email, TestAccounts.PASSWORD).statusCode());
        assertTrue(buyer.page("/rencontres/" + f.event().id()).text().contains("Choisir les fournisseurs que vous souhaitez rencontrer"));
        String path = "/rencontres/" + f.event().id() + "/mes-souhaits";
        buyer.get(path);
        assertEquals(303, buyer.post(path, Map.of("vers", String.valueOf(f.supplier2().id()), "priorite", "1")).statusCode());
        assertTrue(buyer.page(path).text().contains(f.supplier2().organisation() + " — priorité 1"));
        assertEquals(List.of(new SpeedMeetingRepository.StoredWish(own.id(), f.supplier2().id(), 1)), wishService.stored(f.event().id()));

        SpeedMeetings.Fixture other = meetings.speedMeeting();
        HttpResponse<String> refused = buyer.post(path, Map.of("vers", String.valueOf(other.supplier1().id()), "priorite", "2"));
        assertEquals(422, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.select("#erreur-vers").text().contains("n’est pas inscrite à ce speed-meeting"));
        assertEquals("2", page.select("#champ-priorite option[selected]").attr("value"));
        assertEquals(1, wishService.stored(f.event().id()).size());

        buyer.get(path);
        assertEquals(303, buyer.post(path + "/retrait", Map.of("vers", String.valueOf(f.supplier2().id()))).statusCode());
        assertTrue(wishService.stored(f.event().id()).isEmpty());
    }

    @Test
    void aBuyerNotRegisteredCannotDeclareWishes() {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        String email = TestAccounts.create(accounts, Role.BUYER);
        WebClient buyer = new WebClient(server.getURI());
        assertEquals(303, buyer.signIn(email, TestAccounts.PASSWORD).statusCode());
        assertEquals(403, buyer.get("/rencontres/" + f.event().id() + "/mes-souhaits").statusCode());
    }
}
