package fr.vivier.demo;

import fr.vivier.accounts.AccountService;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.moderation.ModerationService;
import fr.vivier.mail.MailService;
import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import fr.vivier.shared.JobLocks;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FrenchFormat;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Registers the demo suppliers through the directory's normal path (validation, history, consents, search
 * outbox), publishes most of them as staff would, and skips those already there: loading twice adds nothing.
 */
@Singleton
public class DemoSupplierLoader {
    static final String ACTOR = "données de démonstration";
    static final String STAFF_EMAIL = "agent@vivier.example";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSupplierLoader.class);
    private static final String LOCK = "demo-data";

    private final DirectoryService directory;
    private final ModerationService moderation;
    private final ReferenceData reference;
    private final AccountService accounts;
    private final MailService mail;
    private final JobLocks locks;
    private final Clock clock;

    DemoSupplierLoader(DirectoryService directory, ModerationService moderation, ReferenceData reference, AccountService accounts,
                       MailService mail, JobLocks locks, Clock clock) {
        this.directory = directory;
        this.moderation = moderation;
        this.reference = reference;
        this.accounts = accounts;
        this.mail = mail;
        this.locks = locks;
        this.clock = clock;
    }

    /** The demo structures, the same on every call (only their dates follow today). */
    public List<DemoSupplier> demoSuppliers() {
        DemoSupplierGenerator.Reference data = new DemoSupplierGenerator.Reference(
            communes(List.of("93006", "93008", "93010", "93045", "93048", "93053", "93055", "93061", "93063")),
            communes(DemoVocabulary.ELSEWHERE_COMMUNES.keySet()), reference.sectors(), reference.labels());
        return new DemoSupplierGenerator(data, LocalDate.ofInstant(clock.instant(), FrenchFormat.ZONE)).generate();
    }

    /**
     * One transaction: several instances starting together wait for each other (advisory lock), and the
     * confirmation mails the registrations queue are dropped before anyone can send them.
     */
    @Transactional
    public int load() {
        long started = System.nanoTime();
        locks.take(LOCK);
        Optional<CurrentUser> staff = accounts.findByEmail(STAFF_EMAIL)
            .map(account -> new CurrentUser(account.id(), account.displayName(), List.of("STAFF")));
        int created = 0;
        for (DemoSupplier demo : demoSuppliers()) {
            if (directory.findBySiret(demo.input().siret()).isEmpty()) {
                register(demo, staff);
                created++;
            }
        }
        // nobody reads the demo mailboxes: the confirmation and publication mails would only flood the mail catcher
        mail.discardUnsentTo(DemoSupplierGenerator.EMAIL_DOMAIN);
        LOG.info("demo data: {} structures created in {} ms", created, (System.nanoTime() - started) / 1_000_000);
        return created;
    }

    /** Labels are verified by the demo staff member when there is one (DemoAccounts creates it). */
    private void register(DemoSupplier demo, Optional<CurrentUser> staff) {
        DirectoryService.RegistrationResult result = directory.register(demo.input(), ACTOR);
        if (!(result instanceof DirectoryService.RegistrationResult.Registered registered)) {
            throw new IllegalStateException("structure de démonstration refusée (" + demo.input().siret() + ") : " + result);
        }
        Supplier supplier = registered.supplier();
        staff.ifPresent(agent -> demo.verifiedLabels().forEach(code -> moderation.setLabelVerified(supplier.id(), code, true, agent)));
        if (demo.publish() && supplier.status() != SupplierStatus.PUBLISHED) {
            directory.changeStatus(supplier.id(), SupplierStatus.PUBLISHED, null, ACTOR);
        }
    }

    private List<Commune> communes(Collection<String> codes) {
        return codes.stream().map(code -> reference.commune(code)
            .orElseThrow(() -> new IllegalStateException("commune de référence absente : " + code))).toList();
    }
}
