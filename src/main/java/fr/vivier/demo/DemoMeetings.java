package fr.vivier.demo;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierView;
import fr.vivier.meetings.EventForm;
import fr.vivier.meetings.EventService;
import fr.vivier.meetings.RegistrationService;
import fr.vivier.meetings.SupplierRegistrationForm;
import fr.vivier.web.FrenchFormat;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Demo data: one upcoming « rencontre acheteurs-fournisseurs » with a few demo structures and the demo buyer registered. Once only. */
@Singleton
class DemoMeetings {
    private static final Logger LOG = LoggerFactory.getLogger(DemoMeetings.class);
    static final String TITLE = "Rencontre acheteurs-fournisseurs : entretien des espaces verts";

    private final EventService events;
    private final RegistrationService registrations;
    private final AccountService accounts;
    private final SupplierDirectory directory;
    private final Clock clock;

    DemoMeetings(EventService events, RegistrationService registrations, AccountService accounts, SupplierDirectory directory, Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
    }

    void load() {
        Account staff = accounts.findByEmail(DemoAccounts.STAFF_EMAIL).orElse(null);
        if (staff == null || events.upcoming(100).stream().anyMatch(event -> event.title().equals(TITLE))) {
            return;
        }
        LocalDate day = FrenchFormat.today(clock).plusDays(21);
        EventService.Saved saved = events.create(new EventForm("BUYER_SUPPLIER_MEETING", TITLE,
            "Les directions présentent leurs achats prévus d’entretien des espaces verts ; les structures d’insertion et les "
                + "entreprises locales présentent leur offre. Tables de 20 minutes, café d’accueil dès 9 h.",
            day.toString(), "09:30", "12:30", "Hôtel de ville, salle des mariages", "Bondy", null, null, "40", day.minusDays(3).toString(),
            List.of("espaces-verts-entretien"), List.of(), "oui", List.of(), "Direction du développement économique"), staff.id());
        if (!(saved instanceof EventService.Saved.Done done)) {
            LOG.warn("demo event not created: {}", saved);
            return;
        }
        long eventId = done.event().id();
        int registered = 0;
        for (SupplierView view : directory.publishedViews(directory.publishedIdsAfter(0, 4))) {
            if (view.contact() != null) {
                registrations.registerSupplier(eventId, new SupplierRegistrationForm(view.supplier().siret(), null, view.contact().name(),
                    view.contact().email(), null));
                registered++;
            }
        }
        accounts.findByEmail(DemoAccounts.BUYER_EMAIL).ifPresent(buyer -> registrations.registerBuyer(eventId, buyer.id()));
        LOG.info("demo data: an upcoming event with {} structures registered", registered);
    }
}
