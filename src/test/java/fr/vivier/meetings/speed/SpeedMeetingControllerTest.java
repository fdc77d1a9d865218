package fr.vivier.meetings.speed;

import fr.vivier.meetings.AttendanceForm;
import fr.vivier.meetings.EventService;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Registration;
import fr.vivier.meetings.RegistrationService;
import fr.vivier.meetings.TestEvents;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.MutableClock;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff prepare a speed-meeting: wishes, schedule, hand edits, printing and mailing, the journal afterwards. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeedMeetingControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    EventService events;
    @Inject
    RegistrationService registrations;
    @Inject
    WishService wishService;
    @Inject
    ScheduleService schedules;
    @Inject
    Clock clock;
    @Inject
    SpeedMeetings meetings;

    @Test
    void staffRecordWishesAndSeeWhichAreMutual() {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        WebClient staff = meetings.staff();
        String path = "/agents/rencontres/" + f.event().id() + "/souhaits";
        staff.get(path);
        assertEquals(303, staff.post(path, SpeedMeetings.wish(f.buyerA(), f.supplier1(), "1")).statusCode());
        assertEquals(303, staff.post(path, SpeedMeetings.wish(f.supplier1(), f.buyerA(), "2")).statusCode());
        assertEquals(303, staff.post(path, SpeedMeetings.wish(f.supplier2(), f.buyerB(), "3")).statusCode());
        Document page = staff.page(path);
        assertTrue(page.text().contains("Souhaits déclarés (3)"), page.text());
        List<String> mutual = page.select("tbody tr").stream().map(row -> row.select("td").get(3).text()).toList();
        assertEquals(List.of("oui", "oui", "non"), mutual);
        assertEquals(3, wishService.stored(f.event().id()).size());
    }

    @Test
    void aWishForSomeoneNotRegisteredIsRefusedInFrenchAndNothingChanges() {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        SpeedMeetings.Fixture other = meetings.speedMeeting();
        WebClient staff = meetings.staff();
        String path = "/agents/rencontres/" + f.event().id() + "/souhaits";
        staff.get(path);
        HttpResponse<String> refused = staff.post(path, SpeedMeetings.wish(f.buyerA(), other.supplier1(), "1"));
        assertEquals(422, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.select("#erreur-vers").text().contains("n’est pas inscrite à ce speed-meeting"), page.text());
        assertEquals(String.valueOf(f.buyerA().id()), page.select("#champ-de option[selected]").attr("value"));
        assertTrue(page.select("#resume-erreurs").hasText());

        HttpResponse<String> sameSide = staff.post(path, SpeedMeetings.wish(f.buyerA(), f.buyerB(), "1"));
        assertEquals(422, sameSide.statusCode());
        assertTrue(Jsoup.parse(sameSide.body()).text().contains("Un acheteur souhaite rencontrer un fournisseur, pas un autre acheteur."));
        HttpResponse<String> badPriority = staff.post(path, SpeedMeetings.wish(f.buyerA(), f.supplier1(), "7"));
        assertEquals(422, badPriority.statusCode());
        assertTrue(Jsoup.parse(badPriority.body()).select("#erreur-priorite").text().contains("priorité de 1 à 3"));
        assertTrue(wishService.stored(f.event().id()).isEmpty());
    }

    @Test
    void aWishIsWithdrawn() {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        WebClient staff = meetings.staff();
        String path = "/agents/rencontres/" + f.event().id() + "/souhaits";
        staff.get(path);
        assertEquals(303, staff.post(path, SpeedMeetings.wish(f.buyerA(), f.supplier1(), "1")).statusCode());
        staff.get(path);
        assertEquals(303, staff.post(path + "/retrait", Map.of("de", String.valueOf(f.buyerA().id()), "vers", String.valueOf(f.supplier1().id())))
            .statusCode());
        assertTrue(staff.page(path).text().contains("Aucun souhait pour l’instant."));
        assertEquals(422, staff.post(path + "/retrait", Map.of("de", String.valueOf(f.buyerA().id()), "vers", String.valueOf(f.supplier1().id())))
            .statusCode());
    }

    @Test
    void theScheduleHonoursBreaksAndWishesAndShowsItsQuality() {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        WebClient staff = meetings.staff();
        String wishes = "/agents/rencontres/" + f.event().id() + "/souhaits";
        staff.get(wishes);
        // table A wants 1 and 2; table B wants 1; supplier 3 wants table B: 4 pairs, 3 slots (09h30, 10h00, 11h00; 10h30-11h00 is a break)
        staff.post(wishes, SpeedMeetings.wish(f.buyerA(), f.supplier1(), "1"));
        staff.post(wishes, SpeedMeetings.wish(f.buyerA(), f.supplier2(), "2"));
        staff.post(wishes, SpeedMeetings.wish(f.buyerB(), f.supplier1(), "1"));
        staff.post(wishes, SpeedMeetings.wish(f.supplier3(), f.buyerB(), "3"));
        String path = "/agents/rencontres/" + f.event().id() + "/planning";
        staff.get(path);
        assertEquals(303, staff.post(path, Map.of("duree", "30", "pauses", "10:30-11:00, 12:00-12:30")).statusCode());
        Document page = staff.page(path);
        List<String> slots = page.select("#table-" + f.buyerA().id() + " + table tbody th").eachText();
        assertEquals(List.of("09h30–10h00", "10h00–10h30", "11h00–11h30", "11h30–12h00"), slots);
        assertTrue(page.select(".qualite-planning").text().startsWith("4 paire(s) souhaitée(s) réunie(s) sur 4 ; borne supérieure : 4"),
            page.select(".qualite-planning").text());
        List<SpeedMeetingRepository.Appointment> appointments = schedules.appointments(f.event().id());
        assertEquals(4, appointments.size());
        staff.get(path);
        HttpResponse<String> mailed = staff.post(path + "/envoi", Map.of());
        assertEquals(303, mailed.statusCode());
        assertTrue(staff.page(mailed.headers().firstValue("Location").orElseThrow()).text().contains("Planning envoyé à 5 participant(s)"));
        MailCatcher.Mail schedule = MailCatcher.awaitMail(f.supplier3().email(), "Votre planning");
        assertTrue(schedule.text().contains(f.buyerB().organisation() + " (" + f.buyerB().personName() + ")"), schedule.text());
        assertTrue(schedule.text().matches("(?s).*\\d{2}h\\d{2}–\\d{2}h\\d{2} : .*"), schedule.text());
        Document perSupplier = staff.page(path + "/fournisseurs");
        assertTrue(perSupplier.select("#fournisseur-" + f.supplier1().id()).text().contains("2 rencontre(s)"));
        assertTrue(perSupplier.text().contains(f.supplier3().organisation()));
    }

    /** The PDF's pages as text, one string per page, spaces collapsed. */
    private static List<String> pdfPages(HttpResponse<byte[]> answer) throws IOException {
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("content-type").orElse("").startsWith("application/pdf"));
        try (PDDocument pdf = Loader.loadPDF(answer.body())) {
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
            ImageIO.write(image, "png", new File("target/planning-speed-meeting-page1.png"));
            long dark = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    dark += ((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114 < 128_000 ? 1 : 0;
                }
            }
            assertTrue(dark > image.getWidth() * image.getHeight() / 200, "the first page shows text and a table");
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(pdf).replaceAll("\\s+", " ").strip());
            }
            return pages;
        }
    }

    @Test
    void schedulesPrintAsPdfOnePagePerTableOrSupplierAndEachParticipantGetsItsOwn() throws IOException {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        WebClient staff = meetings.staff();
        String path = "/agents/rencontres/" + f.event().id() + "/planning";
        assertEquals(404, staff.download(path + "/tables.pdf").statusCode(), "no schedule yet");
        String wishes = "/agents/rencontres/" + f.event().id() + "/souhaits";
        staff.get(wishes);
        staff.post(wishes, SpeedMeetings.wish(f.buyerA(), f.supplier1(), "1"));
        staff.post(wishes, SpeedMeetings.wish(f.buyerA(), f.supplier2(), "1"));
        staff.post(wishes, SpeedMeetings.wish(f.buyerB(), f.supplier1(), "1"));
        staff.get(path);
        assertEquals(303, staff.post(path, Map.of("duree", "75", "pauses", "")).statusCode());

        List<String> tables = pdfPages(staff.download(path + "/tables.pdf"));
        assertEquals(2, tables.size(), tables.toString());
        assertTrue(tables.get(0).startsWith("Table de " + f.buyerA().organisation() + " (" + f.buyerA().personName() + ")"), tables.get(0));
        assertTrue(tables.get(0).contains("2 rencontre(s)") && tables.get(0).contains(f.supplier1().organisation())
            && tables.get(0).contains(f.supplier2().organisation()), tables.get(0));
        assertTrue(tables.get(0).contains("09h30–10h45") && tables.get(0).contains("10h45–12h00"), tables.get(0));
        List<String> suppliers = pdfPages(staff.download(path + "/fournisseurs.pdf"));
        assertEquals(2, suppliers.size(), "supplier 3 has no meeting: " + suppliers);
        assertTrue(suppliers.stream().anyMatch(page -> page.startsWith(f.supplier1().organisation()) && page.contains("2 rencontre(s)")));

        staff.get(path);
        assertEquals(303, staff.post(path + "/envoi", Map.of()).statusCode());
        MailCatcher.Mail mail = MailCatcher.awaitMail(f.supplier2().email(), "Votre planning");
        Matcher link = Pattern.compile("(/rencontres/" + f.event().id() + "/souhaits-fournisseur/" + f.supplier2().id() + "/[0-9a-f]{64}/planning\\.pdf)")
            .matcher(mail.text());
        assertTrue(link.find(), mail.text());
        WebClient supplier = new WebClient(server.getURI());
        List<String> own = pdfPages(supplier.download(link.group(1)));
        assertEquals(1, own.size());
        assertTrue(own.get(0).startsWith(f.supplier2().organisation()) && own.get(0).contains(f.buyerA().organisation() + " ("
            + f.buyerA().personName() + ")"), own.get(0));
        assertEquals(404, supplier.download(link.group(1).replace("/" + f.supplier2().id() + "/", "/" + f.supplier1().id() + "/")).statusCode());

        MailCatcher.Mail buyerMail = MailCatcher.awaitMail(f.buyerB().email(), "Votre planning");
        assertTrue(buyerMail.text().contains("/rencontres/" + f.event().id() + "/mes-souhaits/planning.pdf"), buyerMail.text());
        WebClient buyerB = new WebClient(server.getURI());
        assertEquals(303, buyerB.signIn(f.buyerB().email(), TestAccounts.PASSWORD).statusCode());
        List<String> buyerPages = pdfPages(buyerB.download("/rencontres/" + f.event().id() + "/mes-souhaits/planning.pdf"));
        assertTrue(buyerPages.get(0).contains("1 rencontre(s)") && buyerPages.get(0).contains(f.supplier1().organisation()), buyerPages.get(0));
    }

    @Test
    void handEditsThatDoubleBookAreRefusedAndOthersApply() {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        WebClient staff = meetings.staff();
        String wishes = "/agents/rencontres/" + f.event().id() + "/souhaits";
        staff.get(wishes);
        staff.post(wishes, SpeedMeetings.wish(f.buyerA(), f.supplier1(), "1"));
        staff.post(wishes, SpeedMeetings.wish(f.buyerB(), f.supplier1(), "1"));
        String path = "/agents/rencontres/" + f.event().id() + "/planning";
        staff.get(path);
        assertEquals(303, staff.post(path, Map.of("duree", "75", "pauses", "")).statusCode());
        List<SpeedMeetingRepository.Appointment> before = schedules.appointments(f.event().id());
        assertEquals(2, before.size());
        SpeedMeetingRepository.Appointment first = before.get(0);
        SpeedMeetingRepository.Appointment second = before.get(1);
        staff.get(path);
        // moving the first meeting into the other slot puts supplier 1 twice in that slot
        HttpResponse<String> conflict = staff.post(path + "/deplacement", Map.of("creneau", String.valueOf(first.slot()),
            "table", String.valueOf(first.buyer()), "nouveauCreneau", String.valueOf(second.slot())));
        assertEquals(422, conflict.statusCode());
        assertTrue(Jsoup.parse(conflict.body()).select("[role=alert]").text().contains("Conflit : " + f.supplier1().organisation()
            + " a déjà une rencontre au créneau"), conflict.body());
        assertEquals(before, schedules.appointments(f.event().id()));
        // adding supplier 2 to the table already busy in that slot is refused too
        HttpResponse<String> busyTable = staff.post(path + "/ajout", Map.of("creneau", String.valueOf(first.slot()),
            "table", String.valueOf(first.buyer()), "fournisseur", String.valueOf(f.supplier2().id())));
        assertEquals(422, busyTable.statusCode());
        assertTrue(Jsoup.parse(busyTable.body()).text().contains("a déjà une rencontre au créneau"));

        assertEquals(303, staff.post(path + "/retrait", Map.of("creneau", String.valueOf(second.slot()), "table",
            String.valueOf(second.buyer()))).statusCode());
        staff.get(path);
        assertEquals(303, staff.post(path + "/deplacement", Map.of("creneau", String.valueOf(first.slot()),
            "table", String.valueOf(first.buyer()), "nouveauCreneau", String.valueOf(second.slot()))).statusCode());
        staff.get(path);
        assertEquals(303, staff.post(path + "/ajout", Map.of("creneau", String.valueOf(first.slot()),
            "table", String.valueOf(first.buyer()), "fournisseur", String.valueOf(f.supplier2().id()))).statusCode());
        assertEquals(List.of(new SpeedMeetingRepository.Appointment(0, first.buyer(), f.supplier2().id(), null),
                new SpeedMeetingRepository.Appointment(1, first.buyer(), f.supplier1().id(), null)),
            schedules.appointments(f.event().id()));
    }

    @Test
    void staffSwapTwoMeetingsUnlessASupplierWouldBeTwiceInASlot() {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        WebClient staff = meetings.staff();
        String wishes = "/agents/rencontres/" + f.event().id() + "/souhaits";
        staff.get(wishes);
        staff.post(wishes, SpeedMeetings.wish(f.buyerA(), f.supplier1(), "1"));
        staff.post(wishes, SpeedMeetings.wish(f.buyerA(), f.supplier2(), "1"));
        staff.post(wishes, SpeedMeetings.wish(f.buyerB(), f.supplier3(), "1"));
        String path = "/agents/rencontres/" + f.event().id() + "/planning";
        staff.get(path);
        assertEquals(303, staff.post(path, Map.of("duree", "50", "pauses", "")).statusCode());
        // three slots: table A meets 1 and 2, table B meets 3; put them where the test wants them
        List<SpeedMeetingRepository.Appointment> built = schedules.appointments(f.event().id());
        for (SpeedMeetingRepository.Appointment appointment : built) {
            staff.get(path);
            staff.post(path + "/retrait", Map.of("creneau", String.valueOf(appointment.slot()), "table", String.valueOf(appointment.buyer())));
        }
        for (String[] meeting : List.of(new String[] {"0", String.valueOf(f.buyerA().id()), String.valueOf(f.supplier1().id())},
            new String[] {"1", String.valueOf(f.buyerA().id()), String.valueOf(f.supplier2().id())},
            new String[] {"0", String.valueOf(f.buyerB().id()), String.valueOf(f.supplier2().id())})) {
            staff.get(path);
            assertEquals(303, staff.post(path + "/ajout", Map.of("creneau", meeting[0], "table", meeting[1], "fournisseur", meeting[2])).statusCode());
        }
        List<SpeedMeetingRepository.Appointment> before = schedules.appointments(f.event().id());
        Document page = staff.page(path);
        assertEquals(List.of("10h20–11h10 : " + f.supplier2().organisation()),
            page.select("#echanger-" + f.buyerA().id() + "-0 option").eachText());

        // supplier 2 already meets table B at 09h30: table A's 10h20 meeting with it cannot come to 09h30
        HttpResponse<String> conflict = staff.post(path + "/echange", Map.of("creneau", "0", "table", String.valueOf(f.buyerA().id()),
            "nouveauCreneau", "1"));
        assertEquals(422, conflict.statusCode());
        assertEquals("Conflit : " + f.supplier2().organisation() + " a déjà une rencontre au créneau 09h30–10h20. Rien n’a changé.",
            Jsoup.parse(conflict.body()).select("[role=alert]").text());
        assertEquals(before, schedules.appointments(f.event().id()));
        HttpResponse<String> sameSlot = staff.post(path + "/echange", Map.of("creneau", "0", "table", String.valueOf(f.buyerA().id()),
            "nouveauCreneau", "0", "autreTable", String.valueOf(f.buyerB().id())));
        assertEquals(422, sameSlot.statusCode());
        assertTrue(Jsoup.parse(sameSlot.body()).text().contains("Les deux rencontres sont au même créneau"));

        staff.get(path);
        assertEquals(303, staff.post(path + "/retrait", Map.of("creneau", "0", "table", String.valueOf(f.buyerB().id()))).statusCode());
        staff.get(path);
        HttpResponse<String> swapped = staff.post(path + "/echange", Map.of("creneau", "0", "table", String.valueOf(f.buyerA().id()),
            "nouveauCreneau", "1"));
        assertEquals(303, swapped.statusCode());
        assertEquals(List.of(new SpeedMeetingRepository.Appointment(0, f.buyerA().id(), f.supplier2().id(), null),
                new SpeedMeetingRepository.Appointment(1, f.buyerA().id(), f.supplier1().id(), null)),
            schedules.appointments(f.event().id()));
    }

    @Test
    void aScheduleFormWithBadInputKeepsItAndExplains() {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        WebClient staff = meetings.staff();
        String path = "/agents/rencontres/" + f.event().id() + "/planning";
        staff.get(path);
        HttpResponse<String> refused = staff.post(path, Map.of("duree", "3", "pauses", "midi"));
        assertEquals(422, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertEquals("3", page.select("#champ-duree").val());
        assertEquals("midi", page.select("#champ-pauses").val());
        assertTrue(page.select("#erreur-pauses").text().contains("Pause illisible : « midi »"));
        assertTrue(page.select("#erreur-duree").text().contains("de 5 à 120"));
        assertTrue(schedules.summary(f.event().id()).isEmpty());
    }

    @Test
    void afterTheEventEachMeetingHeldBecomesAJournalEntryOfTheBuyerOnce() {
        SpeedMeetings.Fixture f = meetings.speedMeeting();
        WebClient staff = meetings.staff();
        String wishes = "/agents/rencontres/" + f.event().id() + "/souhaits";
        staff.get(wishes);
        staff.post(wishes, SpeedMeetings.wish(f.buyerA(), f.supplier1(), "1"));
        staff.post(wishes, SpeedMeetings.wish(f.buyerB(), f.supplier2(), "1"));
        String path = "/agents/rencontres/" + f.event().id() + "/planning";
        staff.get(path);
        assertEquals(303, staff.post(path, Map.of("duree", "75", "pauses", "")).statusCode());
        staff.get(path);
        HttpResponse<String> tooEarly = staff.post(path + "/journal", Map.of());
        assertEquals(422, tooEarly.statusCode());
        assertTrue(Jsoup.parse(tooEarly.body()).text().contains("L’événement n’est pas terminé"));
        // table A and supplier 1 came; supplier 2 did not: one meeting held
        for (Registration present : List.of(f.buyerA(), f.buyerB(), f.supplier1())) {
            assertTrue(registrations.markAttendance(f.event().id(), new AttendanceForm(String.valueOf(present.id()), "PRESENT")).isEmpty());
        }
        assertTrue(registrations.markAttendance(f.event().id(), new AttendanceForm(String.valueOf(f.supplier2().id()), "ABSENT")).isEmpty());
        try {
            ((MutableClock) clock).advance(Duration.ofDays(11));
            WebClient later = meetings.staff(); // sessions of eleven days ago have expired
            later.get(path);
            HttpResponse<String> logged = later.post(path + "/journal", Map.of());
            assertEquals(303, logged.statusCode());
            assertTrue(later.page(logged.headers().firstValue("Location").orElseThrow()).text()
                .contains("1 rencontre(s) tenue(s) reportée(s) ; 0 déjà reportée(s) ; 1 non tenue(s)"));
            later.get(path);
            later.post(path + "/journal", Map.of());
            assertTrue(later.page(path + "?succes=journal&ecrites=0&deja=1&nonTenues=1&refusees=0").text().contains("1 déjà reportée(s)"));

            WebClient buyerA = new WebClient(server.getURI());
            assertEquals(303, buyerA.signIn(f.buyerA().email(), TestAccounts.PASSWORD).statusCode());
            Document journal = buyerA.page("/journal");
            assertTrue(journal.text().contains(f.supplier1().organisation()), journal.text());
            assertTrue(journal.text().contains("Salon ou événement"));
            assertEquals(1, journal.select("tbody tr").stream().filter(row -> row.text().contains(f.supplier1().organisation())).count());
            WebClient buyerB = new WebClient(server.getURI());
            assertEquals(303, buyerB.signIn(f.buyerB().email(), TestAccounts.PASSWORD).statusCode());
            assertFalse(buyerB.page("/journal").text().contains(f.supplier2().organisation()));
        } finally {
            ((MutableClock) clock).reset();
        }
    }

    @Test
    void onlySpeedMeetingsHaveWishesAndSchedules() {
        MeetingEvent event = TestEvents.create(events, clock, draft -> { });
        WebClient staff = meetings.staff();
        assertEquals(404, staff.get("/agents/rencontres/" + event.id() + "/souhaits").statusCode());
        assertEquals(404, staff.get("/agents/rencontres/" + event.id() + "/planning").statusCode());
        assertFalse(staff.page("/agents/rencontres/" + event.id()).text().contains("Souhaits de rencontre"));
    }
}
