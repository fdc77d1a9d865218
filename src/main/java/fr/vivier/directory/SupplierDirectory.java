package fr.vivier.directory;

import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The directory as the other features see it: typed reads of many suppliers at once (one query per table,
 * whatever the number of ids), in the order of the ids asked for, unknown ids left out; and the feed of supplier
 * changes the search index follows.
 */
@Singleton
public class SupplierDirectory {
    private final DirectoryRepositories.Suppliers suppliers;
    private final SupplierDetailsRepository details;
    private final SupplierChangeRepository changes;
    private final DirectoryService directory;
    private final ReferenceData reference;
    private final SupplierImportJournalRepository importJournal;

    SupplierDirectory(DirectoryRepositories.Suppliers suppliers, SupplierDetailsRepository details, SupplierChangeRepository changes,
                      DirectoryService directory, ReferenceData reference, SupplierImportJournalRepository importJournal) {
        this.importJournal = importJournal;
        this.suppliers = suppliers;
        this.details = details;
        this.changes = changes;
        this.directory = directory;
        this.reference = reference;
    }

    /** A supplier changed (registered, updated, published, erased…): {@code id} orders the changes. */
    public record Change(long id, long supplierId) { }

    /** The changes not applied yet, and since when the oldest waits (null when none does). */
    public record Backlog(long count, @Nullable Instant oldest) { }

    /** The suppliers among {@code ids}, whatever their status (a list shows when one is no longer published). */
    @Transactional(readOnly = true)
    public List<SupplierSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return inOrder(ids, suppliers.findByIdIn(ids)).stream().map(this::summary).toList();
    }

    /**
     * The suppliers registered under {@code sirets} (an establishment), else under their SIREN (another establishment of
     * the same company, the earliest registered): the key is the SIRET asked for, absent when neither is known.
     */
    @Transactional(readOnly = true)
    public Map<String, SupplierMatch> bySiretThenSiren(Collection<String> sirets) {
        if (sirets.isEmpty()) {
            return Map.of();
        }
        Map<String, SupplierMatch> matches = new java.util.HashMap<>();
        suppliers.findBySiretIn(sirets).forEach(supplier -> matches.put(supplier.siret(), new SupplierMatch(summary(supplier), true)));
        List<String> sirens = sirets.stream().filter(siret -> !matches.containsKey(siret)).map(siret -> siret.substring(0, 9))
            .distinct().toList();
        if (!sirens.isEmpty()) {
            Map<String, Supplier> firstBySiren = new java.util.HashMap<>();
            suppliers.findBySirenInOrderById(sirens).forEach(supplier -> firstBySiren.putIfAbsent(supplier.siren(), supplier));
            sirets.stream().filter(siret -> !matches.containsKey(siret)).forEach(siret -> {
                Supplier sameCompany = firstBySiren.get(siret.substring(0, 9));
                if (sameCompany != null) {
                    matches.put(siret, new SupplierMatch(summary(sameCompany), false));
                }
            });
        }
        return matches;
    }

    /** A supplier found for a SIRET: the same establishment, or another one of the same company (same SIREN). */
    public record SupplierMatch(SupplierSummary supplier, boolean sameEstablishment) { }

    public Optional<SupplierSummary> summary(long id) {
        return summaries(List.of(id)).stream().findFirst();
    }

    /** The public content of the published suppliers among {@code ids}, for the search index. */
    @Transactional(readOnly = true)
    public List<IndexableSupplier> indexable(Collection<Long> ids) {
        List<Supplier> published = publishedAmong(ids);
        List<Long> publishedIds = published.stream().map(Supplier::id).toList();
        Map<Long, List<String>> sectors = details.sectors(publishedIds);
        Map<Long, List<SupplierChildren.LabelRow>> labels = details.labels(publishedIds);
        Map<Long, List<SupplierChildren.Area>> areas = details.areas(publishedIds);
        Map<Long, List<String>> offers = details.offers(publishedIds);
        return published.stream().map(supplier -> new IndexableSupplier(supplier.id(), supplier.slug(), supplier.name(),
            supplier.tradeName(), supplier.kind(), supplier.ess(), supplier.size(), supplier.communeCode(), supplier.description(),
            supplier.updatedAt(), sectors.getOrDefault(supplier.id(), List.of()), labels.getOrDefault(supplier.id(), List.of()),
            areas.getOrDefault(supplier.id(), List.of()), offers.getOrDefault(supplier.id(), List.of()))).toList();
    }

    /** Everything the profile pages of the published suppliers among {@code ids} show (the caller checks the contact's consent). */
    @Transactional(readOnly = true)
    public List<SupplierView> publishedViews(Collection<Long> ids) {
        return directory.views(publishedAmong(ids));
    }

    /** A profile waiting for review, as the staff home lists it. */
    public record ProfileToReview(SupplierSummary supplier, boolean isNew, Instant updatedAt) { }

    /** The first profiles waiting for review, oldest change first; the page's total is the whole queue's. */
    @Transactional(readOnly = true)
    public Page<ProfileToReview> reviewQueue(int size) {
        return suppliers.findReviewQueue(Pageable.from(0, size)).map(supplier -> new ProfileToReview(summary(supplier),
            supplier.createdAt().equals(supplier.updatedAt()), supplier.updatedAt()));
    }

    /**
     * The ids of the structures a staff filter narrows to (a queue of another feature filters its rows by them);
     * empty when the filter says nothing of the structure, meaning every one.
     */
    @Transactional(readOnly = true)
    public Optional<Set<Long>> idsMatching(StaffQueueFilter.SupplierCriteria criteria) {
        if (criteria.equals(StaffQueueFilter.SupplierCriteria.none())) {
            return Optional.empty();
        }
        return Optional.of(Set.copyOf(suppliers.findIdsMatching(criteria.kinds(), criteria.communeCode(), criteria.text(),
            criteria.namePattern(), criteria.siretPrefix())));
    }

    /** The latest staff CSV import, if any. */
    public Optional<ImportJournalEntry> lastImport() {
        return importJournal.last();
    }

    /** Ids of published suppliers after {@code afterId}, in id order (for rebuilding the search index page by page). */
    public List<Long> publishedIdsAfter(long afterId, int limit) {
        return suppliers.findPublishedIdsAfter(afterId, limit);
    }

    public long publishedCount() {
        return suppliers.countByStatus(SupplierStatus.PUBLISHED);
    }

    /**
     * The oldest changes not applied yet, locked until the caller's transaction ends (another instance skips them):
     * call within a transaction that ends with {@link #markApplied}.
     */
    public List<Change> lockPendingChanges(int limit) {
        return changes.lockPending(limit);
    }

    public void markApplied(Collection<Change> applied) {
        changes.markProcessed(applied.stream().map(Change::id).toList());
    }

    @Transactional(readOnly = true)
    public Backlog changeBacklog() {
        return changes.backlog();
    }

    /** The newest change so far: a rebuild of the index starts from there. */
    @Transactional(readOnly = true)
    public long lastChangeId() {
        return changes.lastId();
    }

    /** The changes after this one are pending again (those made while the index was being rebuilt). */
    @Transactional
    public void replayChangesSince(long changeId) {
        changes.markPendingSince(changeId);
    }

    /** A line in the structure's history, written by another feature (e.g. a recontact request taken by an agent). */
    @Transactional
    public void recordHistory(long supplierId, String actor, HistoryAction action, String detail) {
        directory.record(supplierId, actor, action, detail);
    }

    private List<Supplier> publishedAmong(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : inOrder(ids, suppliers.findByIdInAndStatus(ids, SupplierStatus.PUBLISHED));
    }

    private SupplierSummary summary(Supplier supplier) {
        Optional<Commune> commune = reference.commune(supplier.communeCode());
        return new SupplierSummary(supplier.id(), supplier.slug(), supplier.name(), supplier.tradeName(), supplier.siret(),
            supplier.kind(), supplier.size(), supplier.ess(), supplier.communeCode(),
            commune.map(Commune::displayName).orElse(supplier.communeCode()),
            commune.map(reference::onTerritory).orElse(false), supplier.status(), supplier.publishedAt());
    }

    private static List<Supplier> inOrder(Collection<Long> ids, List<Supplier> found) {
        Map<Long, Supplier> byId = found.stream().collect(Collectors.toMap(Supplier::id, Function.identity()));
        return ids.stream().distinct().map(byId::get).filter(Objects::nonNull).toList();
    }
}
