package fr.vivier.meetings;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.MutableClock;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import fr.vivier.web.FrenchFormat;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsAndRegistrationsTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    EventService events;
    @Inject
    MeetingReminders reminders;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    Clock clock;
    @Inject
    MeetingStatistics statistics;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.forms.max-per-ip-per-hour", "100000");
    }

    private WebClient signedIn(Role role) {
        String email = TestAccounts.create(accounts, role);
        WebClient browser = new WebClient(server.getURI());
        assertEquals(303, browser.signIn(email, TestAccounts.PASSWORD).statusCode());
        return browser;
    }

    private WebClient visitor(long eventId) {
        WebClient browser = new WebClient(server.getURI());
        assertEquals(200, browser.get("/rencontres/" + eventId).statusCode());
        return browser;
    }

    private static String email() {
        return "inscrit-" + UniqueWords.next() + "@test.vivier.example";
    }

    private static Map<String, String> registration(String siret, String structure, String email) {
        return Map.of("siret", siret, "structure", structure, "nom", "Camille Martin", "courriel", email);
    }

    private List<Registration> active(long eventId) {
        return events.registrations(eventId).stream().filter(r -> r.status() != RegistrationStatus.CANCELLED).toList();
    }

    @Test
    void staffCreateAnEventWithErrorsKeptThenItShowsOnThePublicPages() {
        WebClient staff = signedIn(Role.STAFF);
        Document blank = staff.page("/agents/rencontres/nouvelle");
        assertTrue(blank.select("label[for=champ-titre]").text().contains("Titre"));
        String title = "Forum " + UniqueWords.next();
        LocalDate day = FrenchFormat.today(clock).plusDays(20);
        Map<String, String> fields = new HashMap<>(Map.of("type", "INCLUSION_FORUM", "titre", title, "description", "Forum annuel.",
            "date", day.toString(), "debut", "14:00", "fin", "13:00", "adresse", "", "commune", "", "capacite", "0",
            "dateLimite", day.plusDays(1).toString()));
        fields.put("organisateur", "Direction de l’emploi");
        fields.put("secteurs", "environnement-apiculture");
        HttpResponse<String> refused = staff.post("/agents/rencontres", fields);
        assertEquals(422, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.select("#resume-erreurs").text().contains("L’heure de fin doit être après l’heure de début."));
        assertTrue(page.text().contains("Indiquez le lieu (adresse et commune) ou le lien de la réunion en ligne."));
        assertTrue(page.text().contains("La capacité est un nombre de places entre 1 et 10 000"));
        assertTrue(page.text().contains("La date limite d’inscription doit être au plus tard le jour de l’événement."));
        assertEquals(title, page.selectFirst("#champ-titre").attr("value"), "saisie conservée");
        assertEquals("true", page.selectFirst("#champ-fin").attr("aria-invalid"));
        assertTrue(page.selectFirst("#secteur-environnement-apiculture").hasAttr("checked"), "secteur coché conservé");
        assertTrue(page.select("select[multiple]").isEmpty(), "des cases à cocher, sans Ctrl + clic");

        fields.putAll(Map.of("fin", "17:30", "adresse", "Salle des fêtes, 2 rue de la République", "commune", "Bondy", "capacite", "40",
            "dateLimite", day.minusDays(3).toString()));
        HttpResponse<String> created = staff.post("/agents/rencontres", fields);
        assertEquals(303, created.statusCode(), created.body());
        String staffPath = created.headers().firstValue("location").orElseThrow().replaceAll("\\?.*", "");
        Document detail = staff.page(staffPath);
        assertTrue(detail.text().contains("0 inscrit(s) sur 40 places"), detail.text());
        assertTrue(detail.text().contains("de 14h00 à 17h30"));

        Document list = new WebClient(server.getURI()).page("/rencontres");
        assertTrue(list.text().contains(title));
        long id = Long.parseLong(staffPath.substring(staffPath.lastIndexOf('/') + 1));
        Document publicPage = new WebClient(server.getURI()).page("/rencontres/" + id);
        assertTrue(publicPage.text().contains("Salle des fêtes, 2 rue de la République, Bondy (93)"), publicPage.text());
        assertTrue(publicPage.text().contains("40 place(s) restante(s)"));
        assertFalse(publicPage.select("form[action=/rencontres/" + id + "/inscription] input[name=_csrf]").attr("value").isBlank(),
            "un visiteur sans session reçoit son jeton CSRF");
        assertTrue(staff.page("/agents/rencontres").text().contains(title));
    }

    @Test
    void aSupplierRegistersBySiretAndGetsAConfirmationWithTheEventForItsCalendar() {
        Supplier supplier = TestSuppliers.publish(directory);
        MeetingEvent event = TestEvents.create(events, clock, draft -> draft.start = "09:30");
        String email = email();
        HttpResponse<String> response = visitor(event.id()).post("/rencontres/" + event.id() + "/inscription",
            registration(supplier.siret(), "", email));
        assertEquals(303, response.statusCode(), response.body());
        assertEquals("/rencontres/" + event.id() + "?inscription=confirmee", response.headers().firstValue("location").orElseThrow());

        Registration registration = active(event.id()).get(0);
        assertEquals(supplier.id(), registration.supplierId(), "rattachée à la fiche de l’annuaire par le SIRET");
        assertEquals(supplier.name(), registration.organisation());
        MailCatcher.Mail mail = MailCatcher.awaitMail(email, "Inscription confirmée");
        assertTrue(mail.text().contains(event.title()));
        assertEquals(1, mail.attachments().size());
        MailCatcher.Attachment ics = mail.attachments().get(0);
        assertEquals("evenement.ics", ics.name());
        assertTrue(ics.contentType().startsWith("text/calendar"), ics.contentType());
        String utcStart = event.startsAt().toString().replace("-", "").replace(":", "").replace(".000", "").replaceAll("Z$", "Z");
        assertTrue(ics.content().contains("BEGIN:VEVENT"), ics.content());
        assertTrue(ics.content().contains("DTSTART:" + utcStart.substring(0, 15) + "Z"), ics.content());
        assertTrue(ics.content().contains("UID:rencontre-" + event.id() + "@"), ics.content());

        Matcher cancel = Pattern.compile("(/rencontres/annulation/\\d+/[0-9a-f]+)").matcher(mail.text());
        assertTrue(cancel.find(), mail.text());
        WebClient browser = new WebClient(server.getURI());
        Document confirm = browser.page(cancel.group(1));
        assertTrue(confirm.text().contains("Annuler mon inscription"));
        assertEquals(1, active(event.id()).size(), "ouvrir le lien n’annule rien");
        assertEquals(200, browser.post(cancel.group(1), Map.of()).statusCode());
        assertTrue(active(event.id()).isEmpty());
        assertEquals(404, browser.get("/rencontres/annulation/" + registration.id() + "/" + "0".repeat(64)).statusCode());
    }

    @Test
    void badRegistrationsAreRefusedInFrenchAndChangeNothing() {
        MeetingEvent event = TestEvents.create(events, clock, draft -> { });
        String siret = TestSuppliers.newSiret();
        WebClient browser = visitor(event.id());
        HttpResponse<String> invalid = browser.post("/rencontres/" + event.id() + "/inscription",
            Map.of("siret", "12345678901234", "structure", "", "nom", "", "courriel", "pas-une-adresse"));
        assertEquals(422, invalid.statusCode());
        Document page = Jsoup.parse(invalid.body());
        assertTrue(page.selectFirst("#erreur-siret").text().length() > 5, page.text());
        assertTrue(page.text().contains("Indiquez le nom de la personne qui viendra."));
        assertTrue(page.text().contains("Adresse électronique invalide"));
        assertEquals("pas-une-adresse", page.selectFirst("#champ-courriel").attr("value"));
        assertTrue(active(event.id()).isEmpty());

        assertEquals(303, browser.post("/rencontres/" + event.id() + "/inscription", registration(siret, "Atelier du canal", email())).statusCode());
        HttpResponse<String> twice = browser.post("/rencontres/" + event.id() + "/inscription", registration(siret, "Atelier du canal", email()));
        assertEquals(422, twice.statusCode());
        assertTrue(Jsoup.parse(twice.body()).text().contains("est déjà inscrite à cet événement"));
        assertEquals(1, active(event.id()).size());

        MeetingEvent closed = TestEvents.create(events, clock, draft -> draft.deadline = FrenchFormat.today(clock).minusDays(1));
        assertTrue(browser.page("/rencontres/" + closed.id()).text().contains("Les inscriptions à cet événement sont closes"));
        HttpResponse<String> late = browser.post("/rencontres/" + closed.id() + "/inscription",
            registration(TestSuppliers.newSiret(), "Atelier du canal", email()));
        assertEquals(422, late.statusCode());
        assertTrue(Jsoup.parse(late.body()).text().contains("Les inscriptions à cet événement sont closes depuis le "
            + FrenchFormat.date(FrenchFormat.today(clock).minusDays(1))));
        assertTrue(active(closed.id()).isEmpty());
    }

    @Test
    void whenFullTheWaitingListTakesTheFreedSeatInOrder() {
        MeetingEvent event = TestEvents.create(events, clock, draft -> draft.capacity = 1);
        String first = email();
        String second = email();
        String third = email();
        for (String email : List.of(first, second, third)) {
            assertEquals(303, visitor(event.id()).post("/rencontres/" + event.id() + "/inscription",
                registration(TestSuppliers.newSiret(), "Structure " + UniqueWords.next(), email)).statusCode());
        }
        assertTrue(MailCatcher.awaitMail(second, "Liste d’attente").text().contains("liste d’attente"));
        assertTrue(MailCatcher.awaitMail(second, "Liste d’attente").attachments().isEmpty());
        List<Registration> registrations = events.registrations(event.id());
        assertEquals(List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.WAITING),
            registrations.stream().map(Registration::status).toList());
        assertEquals(first, registrations.get(0).email());

        Matcher cancel = Pattern.compile("(/rencontres/annulation/\\d+/[0-9a-f]+)")
            .matcher(MailCatcher.awaitMail(first, "Inscription confirmée").text());
        assertTrue(cancel.find());
        WebClient browser = new WebClient(server.getURI());
        browser.get(cancel.group(1));
        assertEquals(200, browser.post(cancel.group(1), Map.of()).statusCode());

        MailCatcher.Mail promoted = MailCatcher.awaitMail(second, "Une place s’est libérée");
        assertEquals(1, promoted.attachments().size(), "avec l’événement pour l’agenda");
        Map<String, RegistrationStatus> byEmail = new HashMap<>();
        events.registrations(event.id()).forEach(r -> byEmail.put(r.email(), r.status()));
        assertEquals(Map.of(first, RegistrationStatus.CANCELLED, second, RegistrationStatus.CONFIRMED, third, RegistrationStatus.WAITING), byEmail);

        HttpResponse<String> again = browser.post(cancel.group(1), Map.of());
        assertEquals(422, again.statusCode());
        assertTrue(Jsoup.parse(again.body()).text().contains("Cette inscription est déjà annulée."));
    }

    @Test
    void capacityCannotDropBelowTheConfirmedSeats() {
        MeetingEvent event = TestEvents.create(events, clock, draft -> draft.capacity = 3);
        for (int i = 0; i < 2; i++) {
            visitor(event.id()).post("/rencontres/" + event.id() + "/inscription",
                registration(TestSuppliers.newSiret(), "Structure " + UniqueWords.next(), email()));
        }
        WebClient staff = signedIn(Role.STAFF);
        Map<String, String> fields = new HashMap<>();
        Document form = staff.page("/agents/rencontres/" + event.id() + "/modifier");
        form.select("form[method=post] input[name]:not([type=checkbox])").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        form.select("form[method=post] select[name]:not([multiple])").forEach(select -> fields.put(select.attr("name"),
            select.selectFirst("option[selected]") == null ? "" : select.selectFirst("option[selected]").attr("value")));
        fields.put("description", "Nouvelle description");
        fields.put("capacite", "1");
        HttpResponse<String> refused = staff.post("/agents/rencontres/" + event.id() + "/modifier", fields);
        assertEquals(422, refused.statusCode());
        assertTrue(Jsoup.parse(refused.body()).text().contains("La capacité ne peut pas être inférieure aux 2 inscriptions confirmées"));
        assertEquals(3, events.find(event.id()).orElseThrow().capacity());
        fields.put("capacite", "2");
        assertEquals(303, staff.post("/agents/rencontres/" + event.id() + "/modifier", fields).statusCode());
        assertEquals("Nouvelle description", events.find(event.id()).orElseThrow().description());

        HttpResponse<String> delete = staff.post("/agents/rencontres/" + event.id() + "/suppression", Map.of());
        assertEquals(422, delete.statusCode());
        assertTrue(Jsoup.parse(delete.body()).text().contains("ne peut pas être supprimé"));
        MeetingEvent empty = TestEvents.create(events, clock, draft -> { });
        staff.get("/agents/rencontres/" + empty.id());
        assertEquals(303, staff.post("/agents/rencontres/" + empty.id() + "/suppression", Map.of()).statusCode());
        assertTrue(events.find(empty.id()).isEmpty());
    }

    @Test
    void aSignedInBuyerRegistersInOneClickOnlyOnce() {
        MeetingEvent event = TestEvents.create(events, clock, draft -> { });
        WebClient buyer = signedIn(Role.BUYER);
        Document page = buyer.page("/rencontres/" + event.id());
        assertTrue(page.text().contains("M’inscrire à cet événement"));
        assertEquals(303, buyer.post("/rencontres/" + event.id() + "/inscription-acheteur", Map.of()).statusCode());
        Registration registration = active(event.id()).get(0);
        assertEquals(Participant.BUYER, registration.participant());
        assertEquals("Direction des sports", registration.organisation());
        assertTrue(buyer.page("/rencontres/" + event.id()).text().contains("Vous êtes inscrit(e)"));
        HttpResponse<String> twice = buyer.post("/rencontres/" + event.id() + "/inscription-acheteur", Map.of());
        assertEquals(422, twice.statusCode());
        assertTrue(Jsoup.parse(twice.body()).text().contains("Vous êtes déjà inscrit(e) à cet événement."));
        assertEquals(1, active(event.id()).size());
        MailCatcher.awaitMail(registration.email(), "Inscription confirmée");
    }

    @Test
    void theDayBeforeEachConfirmedPersonIsRemindedOnce() {
        LocalDate tomorrow = FrenchFormat.today(clock).plusDays(1);
        MeetingEvent event = TestEvents.create(events, clock, draft -> {
            draft.day = tomorrow;
            draft.deadline = tomorrow;
            draft.start = "10:00";
            draft.end = "11:00";
        });
        String email = email();
        assertEquals(303, visitor(event.id()).post("/rencontres/" + event.id() + "/inscription",
            registration(TestSuppliers.newSiret(), "Structure " + UniqueWords.next(), email)).statusCode());
        assertTrue(reminders.runOnce() >= 1);
        MailCatcher.Mail reminder = MailCatcher.awaitMail(email, "Rappel : " + event.title() + " demain");
        assertTrue(reminder.text().contains("qui a lieu demain"));
        reminders.runOnce();
        assertEquals(1, MailCatcher.mailsOf(email).stream().filter(mail -> mail.subject().startsWith("Rappel")).count());
    }

    @Test
    void onTheDayStaffTakeAttendanceAddLateArrivalsAndTheWorkshopCounts() {
        LocalDate tomorrow = FrenchFormat.today(clock).plusDays(1);
        MeetingEvent workshop = TestEvents.create(events, clock, draft -> {
            draft.kind = EventKind.AWARENESS_WORKSHOP.name();
            draft.day = tomorrow;
            draft.deadline = tomorrow;
            draft.start = "10:00";
            draft.end = "11:00";
        });
        for (int i = 0; i < 2; i++) {
            visitor(workshop.id()).post("/rencontres/" + workshop.id() + "/inscription",
                registration(TestSuppliers.newSiret(), "Structure " + UniqueWords.next(), email()));
        }
        int semester = tomorrow.getMonthValue() <= 6 ? 1 : 2;
        MeetingStatistics.Workshops before = statistics.workshops(tomorrow.getYear(), semester);
        try {
            ((MutableClock) clock).advance(Duration.ofDays(2));
            MeetingStatistics.Workshops ended = statistics.workshops(tomorrow.getYear(), semester);
            assertTrue(ended.held() >= before.held() + 1, "l’atelier passé compte comme tenu");
            WebClient staff = signedIn(Role.STAFF);
            List<Registration> registered = active(workshop.id());
            Document sheet = staff.page("/agents/rencontres/" + workshop.id() + "/presence");
            assertEquals(2, sheet.select("button[value=PRESENT]").size());
            assertEquals(303, staff.post("/agents/rencontres/" + workshop.id() + "/presence",
                Map.of("inscription", String.valueOf(registered.get(0).id()), "presence", "PRESENT")).statusCode());
            assertEquals(303, staff.post("/agents/rencontres/" + workshop.id() + "/presence",
                Map.of("inscription", String.valueOf(registered.get(1).id()), "presence", "ABSENT")).statusCode());
            HttpResponse<String> stranger = staff.post("/agents/rencontres/" + workshop.id() + "/presence",
                Map.of("inscription", "999999999", "presence", "PRESENT"));
            assertEquals(422, stranger.statusCode());
            assertTrue(Jsoup.parse(stranger.body()).text().contains("Cette personne n’est pas inscrite à cet événement."));

            HttpResponse<String> badArrival = staff.post("/agents/rencontres/" + workshop.id() + "/arrivees",
                Map.of("siret", "123", "structure", "Régie de quartier", "nom", ""));
            assertEquals(422, badArrival.statusCode());
            assertEquals("Régie de quartier", Jsoup.parse(badArrival.body()).selectFirst("#champ-structure").attr("value"));
            assertEquals(303, staff.post("/agents/rencontres/" + workshop.id() + "/arrivees",
                Map.of("siret", TestSuppliers.newSiret(), "structure", "Régie de quartier", "nom", "Sam Durand", "courriel", "")).statusCode());

            Document detail = staff.page("/agents/rencontres/" + workshop.id());
            assertTrue(detail.text().contains("Absent"), "les absents se voient");
            assertTrue(detail.text().contains("Présent (arrivé sur place)"));
            MeetingStatistics.Workshops after = statistics.workshops(tomorrow.getYear(), semester);
            assertEquals(ended.held(), after.held());
            assertEquals(ended.participants() + 2, after.participants(), "présents : un inscrit et une arrivée sur place");

            HttpResponse<byte[]> csv = staff.download("/agents/rencontres/export.csv");
            assertEquals(200, csv.statusCode());
            String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
            String row = text.lines().filter(line -> line.contains(workshop.title())).findFirst().orElseThrow();
            assertTrue(row.contains("Atelier de sensibilisation des acheteurs"), row);
            assertTrue(row.endsWith("3,0,2,1,67") || row.endsWith("3;0;2;1;67"), "inscrits, attente, présents, absents, taux : " + row);
            assertEquals(200, staff.download("/agents/rencontres/export.xlsx").statusCode());
        } finally {
            ((MutableClock) clock).reset();
        }
    }
}
