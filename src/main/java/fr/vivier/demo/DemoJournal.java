package fr.vivier.demo;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.sourcing.JournalEntryForm;
import fr.vivier.sourcing.JournalFilter;
import fr.vivier.sourcing.JournalService;
import fr.vivier.sourcing.SourcingEntry;
import fr.vivier.web.FrenchFormat;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Demo data: a few contacts of the demo buyer with demo suppliers, so that the journal is not empty, and the three
 * consultations of a purchase under 40 000 € HT (one retained). Once only.
 */
@Singleton
class DemoJournal {
    private static final Logger LOG = LoggerFactory.getLogger(DemoJournal.class);
    private static final List<String[]> CONTACTS = List.of(
        new String[] {"MEETING", "Rencontre acheteurs-fournisseurs : présentation de l’offre", "INFORMED", "Intéressé par les marchés réservés."},
        new String[] {"CALL", "Entretien des squares : disponibilité au printemps", "QUOTE_REQUESTED", "Rappeler en mars."},
        new String[] {"EMAIL", "Demande de devis : tonte des pelouses de l’école", "QUOTE_RECEIVED", ""},
        new String[] {"VISIT", "Visite de l’atelier", "INFORMED", "Équipe de 12 salariés en insertion."},
        new String[] {"EVENT", "Forum de l’insertion", "INFORMED", ""},
        new String[] {"QUESTIONNAIRE", "Questionnaire de sourcing : désherbage sans phytosanitaires", "ANSWERED_TENDER", ""});

    static final String CONSULTATION = "Demande de devis : désherbage manuel du cimetière de Noisy-le-Sec";
    /** The outcomes of the three consultations: the first supplier is retained. */
    static final List<String> CONSULTATION_OUTCOMES = List.of("RETAINED", "NOT_RETAINED", "NOT_RETAINED");

    private final JournalService journal;
    private final AccountService accounts;
    private final SupplierDirectory directory;
    private final Clock clock;

    DemoJournal(JournalService journal, AccountService accounts, SupplierDirectory directory, Clock clock) {
        this.journal = journal;
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
    }

    /** The demo buyer and the consultations of its purchase under 40 000 € HT, when they were logged by this call. */
    record Consultations(JournalService.Viewer buyer, List<SourcingEntry> entries) { }

    Optional<Consultations> load() {
        Account buyer = accounts.findByEmail(DemoAccounts.BUYER_EMAIL).orElse(null);
        if (buyer == null) {
            return Optional.empty();
        }
        JournalService.Viewer viewer = journal.viewer(buyer.id(), buyer.displayName(), false);
        if (journal.list(viewer, JournalFilter.none()).total() > 0) {
            return Optional.empty();
        }
        List<Long> suppliers = directory.publishedIdsAfter(0, CONTACTS.size() + CONSULTATION_OUTCOMES.size());
        LocalDate today = FrenchFormat.today(clock);
        int contacts = Math.min(CONTACTS.size(), suppliers.size());
        for (int i = 0; i < contacts; i++) {
            String[] contact = CONTACTS.get(i);
            save(new JournalEntryForm(String.valueOf(suppliers.get(i)), null, null, null, today.minusDays(7L * i + 1).toString(),
                contact[0], contact[1], null, null, null, null, contact[2], contact[3]), viewer);
        }
        List<SourcingEntry> consultations = new ArrayList<>();
        for (int i = contacts; i < suppliers.size(); i++) {
            consultations.add(save(new JournalEntryForm(String.valueOf(suppliers.get(i)), null, null, null, today.minusDays(20).toString(),
                "EMAIL", CONSULTATION, null, null, null, null, CONSULTATION_OUTCOMES.get(i - contacts), ""), viewer));
        }
        LOG.info("demo data: {} sourcing journal entries", suppliers.size());
        return Optional.of(new Consultations(viewer, consultations));
    }

    private SourcingEntry save(JournalEntryForm form, JournalService.Viewer viewer) {
        if (journal.create(form, viewer) instanceof JournalService.Saved.Done done) {
            return done.entry();
        }
        throw new IllegalStateException("contact de démonstration refusé : " + form.objet());
    }
}
