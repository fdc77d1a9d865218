package fr.vivier.meetings.speed;

import fr.vivier.accounts.AccountService;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.meetings.EventKind;
import fr.vivier.meetings.EventService;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Registration;
import fr.vivier.meetings.RegistrationService;
import fr.vivier.meetings.SupplierRegistrationForm;
import fr.vivier.meetings.TestEvents;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.programming.TestLines;
import fr.vivier.testsupport.IntegrationTest;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wishes that name a group: a buyer a sector, a supplier a direction or one of the event's planned purchases. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WishServiceTest implements IntegrationTest {
    private static final String SECTOR = "environnement-apiculture";
    private static final String OTHER_SECTOR = "industrie-bois";

    @Inject
    EmbeddedServer server;
    @Inject
    EventService events;
    @Inject
    RegistrationService registrations;
    @Inject
    DirectoryService directory;
    @Inject
    ProgrammingService programming;
    @Inject
    AccountService accounts;
    @Inject
    WishService wishService;
    @Inject
    SupplierWishLinks links;
    @Inject
    Clock clock;

    private Registration registered(MeetingEvent event, String sector) {
        Supplier supplier = TestSuppliers.publish(directory, draft -> draft.sectors = new ArrayList<>(List.of(sector)));
        return ((RegistrationService.Outcome.Registered) registrations.registerSupplier(event.id(), new SupplierRegistrationForm(
            supplier.siret(), null, "Camille Martin", "f-" + UniqueWords.next() + "@test.vivier.example", null))).registration();
    }

    private Registration buyer(MeetingEvent event, String email) {
        long accountId = accounts.findByEmail(email).orElseThrow().id();
        return ((RegistrationService.Outcome.Registered) registrations.registerBuyer(event.id(), accountId)).registration();
    }

    private Set<String> wishesOf(MeetingEvent event, Registration from) {
        return wishService.stored(event.id()).stream().filter(wish -> wish.from() == from.id())
            .map(wish -> wish.to() + "/" + wish.priority()).collect(Collectors.toSet());
    }

    @Test
    void aBuyerWhoNamesASectorWishesEachRegisteredStructureOfThatSector() {
        MeetingEvent event = TestEvents.create(events, clock, draft -> draft.kind = EventKind.SPEED_MEETING.name());
        Registration beekeeper = registered(event, SECTOR);
        Registration otherBeekeeper = registered(event, SECTOR);
        Registration carpenter = registered(event, OTHER_SECTOR);
        String email = TestAccounts.buyer(accounts, "Inès Moreau", "Direction des espaces verts");
        Registration own = buyer(event, email);
        WebClient buyer = new WebClient(server.getURI());
        assertEquals(303, buyer.signIn(email, TestAccounts.PASSWORD).statusCode());
        String path = "/rencontres/" + event.id() + "/mes-souhaits";
        Document page = buyer.page(path);
        assertEquals(1, page.select("optgroup[label^=Secteurs] option[value=secteur:" + SECTOR + "]").size(), page.select("#champ-vers").html());

        assertEquals(303, buyer.post(path, Map.of("vers", String.valueOf(beekeeper.id()), "priorite", "1")).statusCode());
        HttpResponse<String> group = buyer.post(path, Map.of("vers", "secteur:" + SECTOR, "priorite", "3"));
        assertEquals(303, group.statusCode());
        assertTrue(buyer.page(group.headers().firstValue("location").orElseThrow()).text()
            .contains("Votre souhait est enregistré pour 2 personnes inscrites."));
        assertEquals(Set.of(beekeeper.id() + "/1", otherBeekeeper.id() + "/3"), wishesOf(event, own),
            "the wish declared before keeps its priority; the carpenter is not of the sector");

        HttpResponse<String> nobody = buyer.post(path, Map.of("vers", "secteur:batiment-peinture", "priorite", "2"));
        assertEquals(422, nobody.statusCode());
        Document refused = Jsoup.parse(nobody.body());
        assertEquals("Aucun fournisseur inscrit à ce speed-meeting n’est de ce secteur : souhait refusé, rien n’a changé.",
            refused.select("#erreur-vers").text());
        assertEquals("2", refused.select("#champ-priorite option[selected]").attr("value"));
        HttpResponse<String> direction = buyer.post(path, Map.of("vers", "direction:Direction des espaces verts", "priorite", "2"));
        assertEquals(422, direction.statusCode());
        assertTrue(Jsoup.parse(direction.body()).select("#erreur-vers").text().startsWith("Un acheteur choisit des fournisseurs ou des secteurs"));
        assertEquals(2, wishesOf(event, own).size());
        assertTrue(wishesOf(event, carpenter).isEmpty());
    }

    @Test
    void aSupplierWhoNamesADirectionOrAPlannedPurchaseWishesItsRegisteredBuyers() {
        String direction = "Direction de l’éducation " + UniqueWords.next();
        String lineDirection = "Direction des sports " + UniqueWords.next();
        long lineId = TestLines.published(programming, draft -> draft.direction = lineDirection);
        long unlinked = TestLines.published(programming, draft -> draft.direction = direction);
        MeetingEvent event = TestEvents.create(events, clock, draft -> {
            draft.kind = EventKind.SPEED_MEETING.name();
            draft.lines = List.of(String.valueOf(lineId));
        });
        Registration first = buyer(event, TestAccounts.buyer(accounts, "Inès Moreau", direction));
        Registration second = buyer(event, TestAccounts.buyer(accounts, "Hugo Lefèvre", direction));
        Registration sports = buyer(event, TestAccounts.buyer(accounts, "Marc Petit", lineDirection));
        Registration own = registered(event, SECTOR);
        String path = links.path(own, event.id());
        WebClient supplier = new WebClient(server.getURI());
        Document page = supplier.page(path);
        assertEquals(1, page.select("optgroup[label^=Directions] option").stream().filter(o -> o.text().equals(direction)).count());
        assertEquals(1, page.select("optgroup[label^=Achats] option[value=ligne:" + lineId + "]").size());

        assertEquals(303, supplier.post(path, Map.of("vers", "direction:" + direction, "priorite", "2")).statusCode());
        assertEquals(303, supplier.post(path, Map.of("vers", "ligne:" + lineId, "priorite", "1")).statusCode());
        assertEquals(Set.of(first.id() + "/2", second.id() + "/2", sports.id() + "/1"), wishesOf(event, own));

        HttpResponse<String> notLinked = supplier.post(path, Map.of("vers", "ligne:" + unlinked, "priorite", "1"));
        assertEquals(422, notLinked.statusCode());
        assertEquals("Cet achat prévu n’est pas lié à ce speed-meeting : souhait refusé, rien n’a changé.",
            Jsoup.parse(notLinked.body()).select("#erreur-vers").text());
        HttpResponse<String> unknown = supplier.post(path, Map.of("vers", "direction:Direction des finances", "priorite", "1"));
        assertEquals(422, unknown.statusCode());
        assertEquals("Aucun acheteur de la « Direction des finances » n’est inscrit à ce speed-meeting : souhait refusé, rien n’a changé.",
            Jsoup.parse(unknown.body()).select("#erreur-vers").text());
        assertEquals(422, supplier.post(path, Map.of("vers", "secteur:" + SECTOR, "priorite", "1")).statusCode());
        assertEquals(3, wishesOf(event, own).size());
    }
}
