package fr.vivier.meetings.speed;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.meetings.EventKind;
import fr.vivier.meetings.EventService;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Registration;
import fr.vivier.meetings.RegistrationService;
import fr.vivier.meetings.SupplierRegistrationForm;
import fr.vivier.meetings.TestEvents;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Speed-meetings made by tests through the registration rules, and the people who take part, each with its own names. */
@Singleton
final class SpeedMeetings {
    private final EmbeddedServer server;
    private final EventService events;
    private final RegistrationService registrations;
    private final AccountService accounts;
    private final Clock clock;

    SpeedMeetings(EmbeddedServer server, EventService events, RegistrationService registrations, AccountService accounts, Clock clock) {
        this.server = server;
        this.events = events;
        this.registrations = registrations;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A speed-meeting 09:30–12:00 with two buyer tables and three suppliers registered. */
    record Fixture(MeetingEvent event, Registration buyerA, Registration buyerB, Registration supplier1, Registration supplier2,
                   Registration supplier3) { }

    Fixture speedMeeting() {
        MeetingEvent event = TestEvents.create(events, clock, draft -> draft.kind = EventKind.SPEED_MEETING.name());
        return new Fixture(event, buyer(event), buyer(event), supplier(event, "Atelier Un"), supplier(event, "Brasserie Deux"),
            supplier(event, "Couture Trois"));
    }

    Registration buyer(MeetingEvent event) {
        return buyer(event, TestAccounts.create(accounts, Role.BUYER));
    }

    Registration buyer(MeetingEvent event, String email) {
        long accountId = accounts.findByEmail(email).orElseThrow().id();
        return ((RegistrationService.Outcome.Registered) registrations.registerBuyer(event.id(), accountId)).registration();
    }

    Registration supplier(MeetingEvent event, String name) {
        String structure = name + " " + UniqueWords.next();
        return ((RegistrationService.Outcome.Registered) registrations.registerSupplier(event.id(), new SupplierRegistrationForm(
            TestSuppliers.newSiret(), structure, "Camille Martin", "f-" + UniqueWords.next() + "@test.vivier.example", null))).registration();
    }

    /** A staff member signed in. */
    WebClient staff() {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient browser = new WebClient(server.getURI());
        assertEquals(303, browser.signIn(email, TestAccounts.PASSWORD).statusCode());
        return browser;
    }

    /** The staff wish form's fields. */
    static Map<String, String> wish(Registration from, Registration to, String priority) {
        return Map.of("de", String.valueOf(from.id()), "vers", String.valueOf(to.id()), "priorite", priority);
    }
}
