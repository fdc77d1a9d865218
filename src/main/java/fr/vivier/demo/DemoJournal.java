package fr.vivier.demo;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.sourcing.JournalEntryForm;
import fr.vivier.sourcing.JournalFilter;
import fr.vivier.sourcing.JournalService;
import fr.vivier.web.FrenchFormat;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Demo data: a few contacts of the demo buyer with demo suppliers, so that the journal is not empty. Once only. */
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

    void load() {
        Account buyer = accounts.findByEmail(DemoAccounts.BUYER_EMAIL).orElse(null);
        if (buyer == null) {
            return;
        }
        JournalService.Viewer viewer = journal.viewer(buyer.id(), buyer.displayName(), false);
        if (journal.list(viewer, JournalFilter.none()).total() > 0) {
            return;
        }
        List<Long> suppliers = directory.publishedIdsAfter(0, CONTACTS.size());
        LocalDate today = FrenchFormat.today(clock);
        for (int i = 0; i < suppliers.size(); i++) {
            String[] contact = CONTACTS.get(i);
            journal.create(new JournalEntryForm(String.valueOf(suppliers.get(i)), null, null, null, today.minusDays(7L * i + 1).toString(),
                contact[0], contact[1], null, null, null, null, contact[2], contact[3]), viewer);
        }
        LOG.info("demo data: {} sourcing journal entries", suppliers.size());
    }
}
