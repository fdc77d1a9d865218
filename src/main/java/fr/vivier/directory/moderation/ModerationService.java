package fr.vivier.directory.moderation;

import fr.vivier.directory.DirectoryRepositories;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.HistoryAction;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierChangeRepository;
import fr.vivier.directory.SupplierChildren;
import fr.vivier.directory.SupplierDetailsRepository;
import fr.vivier.directory.SupplierRecords;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.web.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Staff moderation of profiles: status changes, label verification and merging duplicates of one SIREN. */
@Singleton
public class ModerationService {
    private static final Logger LOG = LoggerFactory.getLogger(ModerationService.class);

    /** A staff decision the profile's current status does not allow, or a merge that is not safe. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    public enum Decision {
        PUBLISH(SupplierStatus.PUBLISHED, EnumSet.of(SupplierStatus.PENDING, SupplierStatus.REJECTED, SupplierStatus.SUSPENDED),
            "Seule une fiche en attente, refusée ou suspendue peut être publiée."),
        REJECT(SupplierStatus.REJECTED, EnumSet.of(SupplierStatus.PENDING),
            "Seule une fiche en attente de validation peut être refusée ; suspendez une fiche publiée."),
        SUSPEND(SupplierStatus.SUSPENDED, EnumSet.of(SupplierStatus.PUBLISHED),
            "Seule une fiche publiée peut être suspendue.");

        private final SupplierStatus target;
        private final Set<SupplierStatus> allowedFrom;
        private final String refusal;

        Decision(SupplierStatus target, Set<SupplierStatus> allowedFrom, String refusal) {
            this.target = target;
            this.allowedFrom = allowedFrom;
            this.refusal = refusal;
        }

        public boolean allowedFor(SupplierStatus status) {
            return allowedFrom.contains(status);
        }
    }

    private final DirectoryService directory;
    private final DirectoryRepositories.Suppliers suppliers;
    private final DirectoryRepositories.Contacts contacts;
    private final DirectoryRepositories.Consents consents;
    private final SupplierDetailsRepository details;
    private final DirectoryRepositories.History history;
    private final SupplierChangeRepository changes;
    private final List<SupplierRecords> records;
    private final Clock clock;

    ModerationService(DirectoryService directory, DirectoryRepositories.Suppliers suppliers, DirectoryRepositories.Contacts contacts,
                      DirectoryRepositories.Consents consents, DirectoryRepositories.History history,
                      SupplierDetailsRepository details, SupplierChangeRepository changes, List<SupplierRecords> records, Clock clock) {
        this.directory = directory;
        this.suppliers = suppliers;
        this.contacts = contacts;
        this.consents = consents;
        this.details = details;
        this.history = history;
        this.changes = changes;
        this.records = records;
        this.clock = clock;
    }

    /** Publish, reject or suspend; the directory's service mails the contact and writes the outbox. */
    @Transactional
    public void decide(long supplierId, Decision decision, @Nullable String reason, CurrentUser staff) {
        Supplier supplier = existing(supplierId);
        if (!decision.allowedFor(supplier.status())) {
            throw new Refused(decision.refusal);
        }
        directory.changeStatus(supplierId, decision.target, reason, staff.displayName());
    }

    /** In « after publication » moderation a published profile only needs to be marked as read (no mail). */
    @Transactional
    public void markReviewed(long supplierId, CurrentUser staff) {
        Supplier supplier = existing(supplierId);
        if (!supplier.reviewNeeded()) {
            return;
        }
        suppliers.update(supplier.withStatus(supplier.status(), supplier.statusReason(), false, clock.instant()));
        directory.record(supplierId, staff.displayName(), HistoryAction.RELECTURE, "fiche relue");
    }

    @Transactional
    public void setLabelVerified(long supplierId, String labelCode, boolean verified, CurrentUser staff) {
        existing(supplierId);
        if (details.labels(supplierId).stream().noneMatch(label -> label.labelCode().equals(labelCode))) {
            throw new Refused("Ce label n’est pas déclaré par la structure.");
        }
        details.setLabelVerified(supplierId, labelCode, verified, staff.accountId());
        directory.record(supplierId, staff.displayName(), verified ? HistoryAction.LABEL_VERIFIE : HistoryAction.LABEL_NON_VERIFIE, labelCode);
        changes.supplierChanged(supplierId);
    }

    /** The other profiles of the same SIREN (other establishments, or the same one registered twice). */
    public List<Supplier> sameSiren(Supplier supplier) {
        return suppliers.findBySirenOrderById(supplier.siren()).stream()
            .filter(other -> !other.id().equals(supplier.id())).toList();
    }

    /**
     * Merges {@code duplicateId} into {@code keptId}. The kept profile's own content does not change: it is
     * what its structure declared and validated, and staff cannot know which of two declarations is right.
     * What belongs to the relationship moves: the other features' records (recontact requests) and the history
     * (marked with the duplicate's address). The duplicate is suspended with the reason « fusionnée avec … » (its contact is told by mail);
     * its contact person is removed only when it has the same email as the kept one, so that no one's data is
     * kept twice and no different person loses theirs without asking.
     */
    @Transactional
    public void merge(long keptId, long duplicateId, CurrentUser staff) {
        Supplier kept = existing(keptId);
        Supplier duplicate = suppliers.findById(duplicateId).filter(s -> s.status() != SupplierStatus.ERASED)
            .orElseThrow(() -> new Refused("La fiche à fusionner est introuvable ou ses données ont été effacées."));
        if (kept.id().equals(duplicate.id())) {
            throw new Refused("Une fiche ne peut pas être fusionnée avec elle-même.");
        }
        if (!kept.siren().equals(duplicate.siren())) {
            throw new Refused("Fusion impossible : les deux fiches n’ont pas le même SIREN (" + kept.siren() + " et "
                + duplicate.siren() + ").");
        }
        List<String> moved = new ArrayList<>();
        records.forEach(held -> held.merged(keptId, duplicateId).ifPresent(moved::add));
        history.moveToSupplier(duplicateId, duplicate.slug(), keptId);
        directory.changeStatus(duplicateId, SupplierStatus.SUSPENDED, "fusionnée avec " + kept.slug(), staff.displayName());
        if (sameContactEmail(kept, duplicate)) {
            contacts.deleteById(duplicateId);
            consents.findBySupplierIdOrderById(duplicateId).stream().filter(SupplierChildren.Consent::active)
                .forEach(consent -> consents.withdraw(duplicateId, consent.kind().name(), clock.instant()));
        }
        directory.record(keptId, staff.displayName(), HistoryAction.FUSION, "fiche " + duplicate.slug() + " (SIRET " + duplicate.siret()
            + ") fusionnée dans cette fiche" + moved.stream().map(what -> " ; " + what).collect(Collectors.joining()));
        changes.supplierChanged(keptId);
        LOG.info("supplier {} merged into {}", duplicateId, keptId);
    }

    private boolean sameContactEmail(Supplier kept, Supplier duplicate) {
        Optional<SupplierChildren.Contact> keptContact = contacts.findById(kept.id());
        Optional<SupplierChildren.Contact> duplicateContact = contacts.findById(duplicate.id());
        return keptContact.isPresent() && duplicateContact.isPresent()
            && keptContact.get().email().equalsIgnoreCase(duplicateContact.get().email());
    }

    private Supplier existing(long supplierId) {
        return suppliers.findById(supplierId).filter(s -> s.status() != SupplierStatus.ERASED)
            .orElseThrow(() -> new Refused("Cette fiche est introuvable ou ses données ont été effacées."));
    }
}
