package fr.vivier.meetings.speed;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A registered supplier, without an account, chooses the buyers it wants to meet through the personal link it was mailed. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierWishControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    WishService wishService;
    @Inject
    SpeedMeetings meetings;

    @Test
    void aSupplierChoosesTheBuyersItWantsToMeetThroughTheLinkItWasMailed() {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        WebClient staff = meetings.staff();
        staff.get("/agents/rencontres/" + f.event().id() + "/souhaits");
        HttpResponse<String> sent = staff.post("/agents/rencontres/" + f.event().id() + "/souhaits/liens", Map.of());
        assertEquals(303, sent.statusCode());
        assertTrue(staff.page(sent.headers().firstValue("Location").orElseThrow()).text()
            .contains("Lien personnel envoyé à 3 fournisseur(s) inscrit(s)."));
        MailCatcher.Mail mail = MailCatcher.awaitMail(f.supplier1().email(), "Speed-meeting : choisissez qui rencontrer");
        Matcher link = Pattern.compile("(/rencontres/" + f.event().id() + "/souhaits-fournisseur/" + f.supplier1().id() + "/[0-9a-f]{64})")
            .matcher(mail.text());
        assertTrue(link.find(), mail.text());

        WebClient supplier = new WebClient(server.getURI());
        Document page = supplier.page(link.group(1));
        assertTrue(page.select("h1").text().startsWith(f.supplier1().organisation()));
        assertEquals(303, supplier.post(link.group(1), Map.of("vers", String.valueOf(f.buyerB().id()), "priorite", "2")).statusCode());
        assertEquals(List.of(new SpeedMeetingRepository.StoredWish(f.supplier1().id(), f.buyerB().id(), 2)), wishService.stored(f.event().id()));
        HttpResponse<String> otherSupplier = supplier.post(link.group(1), Map.of("vers", String.valueOf(f.supplier2().id()), "priorite", "1"));
        assertEquals(422, otherSupplier.statusCode());
        assertTrue(Jsoup.parse(otherSupplier.body()).select("#erreur-vers").text()
            .contains("Un fournisseur souhaite rencontrer un acheteur, pas un autre fournisseur."));

        String forged = link.group(1).substring(0, link.group(1).length() - 1) + (link.group(1).endsWith("0") ? "1" : "0");
        assertEquals(404, supplier.get(forged).statusCode());
        String otherRegistration = link.group(1).replace("/" + f.supplier1().id() + "/", "/" + f.supplier2().id() + "/");
        assertEquals(404, supplier.get(otherRegistration).statusCode());
        assertEquals(1, wishService.stored(f.event().id()).size());
    }
}
