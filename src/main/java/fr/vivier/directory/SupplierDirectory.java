package fr.vivier.directory;

import fr.vivier.reference.Territories;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The directory as the other features see it: typed reads of many suppliers at once (one query per table,
 * whatever the number of ids), in the order of the ids asked for; unknown ids are left out.
 */
@Singleton
public class SupplierDirectory {
    private final DirectoryRepositories.Suppliers suppliers;
    private final SupplierDetailsRepository details;
    private final DirectoryService directory;
    private final Territories territories;

    SupplierDirectory(DirectoryRepositories.Suppliers suppliers, SupplierDetailsRepository details, DirectoryService directory,
                      Territories territories) {
        this.suppliers = suppliers;
        this.details = details;
        this.directory = directory;
        this.territories = territories;
    }

    /** The suppliers among {@code ids}, whatever their status (a list shows when one is no longer published). */
    @Transactional(readOnly = true)
    public List<SupplierSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return inOrder(ids, suppliers.findByIdIn(ids)).stream().map(this::summary).toList();
    }

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

    /** Ids of published suppliers after {@code afterId}, in id order (for rebuilding the search index page by page). */
    public List<Long> publishedIdsAfter(long afterId, int limit) {
        return suppliers.findPublishedIdsAfter(afterId, limit);
    }

    public long publishedCount() {
        return suppliers.countByStatus(SupplierStatus.PUBLISHED);
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
        Optional<Territories.CommuneEntry> commune = territories.commune(supplier.communeCode());
        return new SupplierSummary(supplier.id(), supplier.slug(), supplier.name(), supplier.tradeName(), supplier.siret(),
            supplier.kind(), supplier.size(), supplier.ess(), supplier.communeCode(),
            commune.map(Territories.CommuneEntry::displayName).orElse(supplier.communeCode()),
            commune.map(territories::onTerritory).orElse(false), supplier.status(), supplier.publishedAt());
    }

    private static List<Supplier> inOrder(Collection<Long> ids, List<Supplier> found) {
        Map<Long, Supplier> byId = found.stream().collect(Collectors.toMap(Supplier::id, Function.identity()));
        return ids.stream().distinct().map(byId::get).filter(Objects::nonNull).toList();
    }
}
