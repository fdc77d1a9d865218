package fr.vivier.buyers;

import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierChildren;
import fr.vivier.directory.SupplierView;
import fr.vivier.search.FacetLabels;
import fr.vivier.search.SearchQuery;
import fr.vivier.search.SearchResult;
import fr.vivier.search.SupplierSearch;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the rows of a supplier export, from a search (paged through, capped) or from chosen suppliers. */
@Singleton
public class SupplierExports {
    public static final int MAX_ROWS = 5_000;
    private static final int PAGE_SIZE = SearchQuery.MAX_PAGE_SIZE;

    private final SupplierSearch search;
    private final SupplierDirectory directory;
    private final FacetLabels facetLabels;
    private final String baseUrl;

    SupplierExports(SupplierSearch search, SupplierDirectory directory, FacetLabels facetLabels,
                    @Value("${vivier.base-url}") String baseUrl) {
        this.search = search;
        this.directory = directory;
        this.facetLabels = facetLabels;
        this.baseUrl = baseUrl;
    }

    /** The ids of every supplier matching the search, in its order, at most {@code limit}; empty when search is down. */
    public Optional<List<Long>> matchingIds(SearchQuery query, int limit) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; ids.size() < limit; page++) {
            SearchResult result = search.search(new SearchQuery(query.text(), query.sectorGroups(), query.sectors(),
                query.labels(), query.kinds(), query.sizes(), query.commune(), query.localOnly(), query.verifiedLabelsOnly(),
                query.sort(), page, PAGE_SIZE));
            if (result.degraded()) {
                return Optional.empty();
            }
            result.hits().stream().limit(limit - ids.size()).forEach(hit -> ids.add(hit.id()));
            if (result.hits().size() < PAGE_SIZE || (long) page * PAGE_SIZE >= result.total()) {
                break;
            }
        }
        return Optional.of(ids);
    }

    /** Rows for every supplier matching the search (capped at {@link #MAX_ROWS}); empty when search is down. */
    public Optional<List<SupplierRow>> forSearch(SearchQuery query) {
        return matchingIds(query, MAX_ROWS).map(this::forSuppliers);
    }

    /** Rows for the given suppliers that are still published, in the given order. */
    public List<SupplierRow> forSuppliers(List<Long> supplierIds) {
        return directory.publishedViews(supplierIds).stream().map(this::row).toList();
    }

    private SupplierRow row(SupplierView view) {
        Supplier supplier = view.supplier();
        // exports are for buyers and staff only: the consent alone decides whether the contact is shown
        boolean published = view.contactVisibleTo(true);
        SupplierChildren.Contact contact = published ? view.contact() : null;
        return new SupplierRow(supplier.id(), supplier.name(), supplier.tradeName(), supplier.siret(), supplier.kind().label(),
            supplier.ess(), supplier.size().name(),
            view.commune() == null ? supplier.communeCode() : view.commune().displayName(),
            view.sectors().stream().map(code -> facetLabels.label("sector", code)).toList(),
            view.labels().stream().map(label -> facetLabels.label("label", label.labelCode())).toList(),
            supplier.website(), baseUrl + "/fournisseurs/" + supplier.slug(), published,
            contact == null ? null : contact.name(), contact == null ? null : contact.role(),
            contact == null ? null : contact.email(), contact == null ? null : contact.phone());
    }
}
