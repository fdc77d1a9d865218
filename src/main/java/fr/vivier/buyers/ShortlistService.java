package fr.vivier.buyers;

import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import fr.vivier.search.SearchQuery;
import fr.vivier.search.SearchResult;
import fr.vivier.search.SupplierSearch;
import fr.vivier.web.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * « Achat de moins de 40 000 € HT »: the portal proposes suppliers covering the place of execution for a sector
 * (three quotes are the rule, so fewer than three is flagged), the buyer keeps a selection and exports it.
 */
@Singleton
public class ShortlistService {
    public static final int PROPOSALS = 10;
    public static final int QUOTES_EXPECTED = 3;
    private static final List<String> SOCIAL_FAMILIES = List.of("SIAE", "STPA", "ESS");

    private final BuyerRepositories.Shortlists shortlists;
    private final ShortlistSupplierRepository proposed;
    private final SupplierSearch search;
    private final SupplierDirectory directory;
    private final ReferenceData reference;
    private final Clock clock;

    ShortlistService(BuyerRepositories.Shortlists shortlists, ShortlistSupplierRepository proposed, SupplierSearch search,
                     SupplierDirectory directory, ReferenceData reference, Clock clock) {
        this.shortlists = shortlists;
        this.proposed = proposed;
        this.search = search;
        this.directory = directory;
        this.reference = reference;
        this.clock = clock;
    }

    /** The need as the buyer stated it, already checked (known sector and commune). */
    public record Need(String object, String sector, String commune, @Nullable String keywords, boolean socialFirst) { }

    /** A proposed supplier as the shortlist page shows it. */
    public record Proposal(long supplierId, int position, boolean selected, String name, String slug, String kind,
                           boolean social, String commune, boolean published) { }

    /** A shortlist in the buyer's history, with how many suppliers were proposed and selected. */
    public record Summary(Shortlist shortlist, String communeName, int proposed, int selected) { }

    /** Creates the shortlist from a search; empty when the search engine is unavailable (nothing is saved then). */
    public Optional<Shortlist> create(long accountId, Need need) {
        Optional<List<Long>> proposals = propose(need);
        return proposals.map(ids -> save(accountId, need, ids));
    }

    /**
     * Up to {@link #PROPOSALS} suppliers covering the commune for the sector, by relevance. When the buyer asks for
     * the social economy first, SIAE, STPA and other ESS come before companies, each part keeping the relevance
     * order: two searches rather than a re-sort of one page, so that a social structure ranked far down is not
     * pushed out by companies.
     */
    Optional<List<Long>> propose(Need need) {
        List<Long> ids = new ArrayList<>();
        List<List<String>> passes = need.socialFirst() ? List.of(SOCIAL_FAMILIES, List.of("COMPANY")) : List.of(List.of());
        for (List<String> kinds : passes) {
            SearchResult result = search.search(new SearchQuery(need.keywords(), List.of(), List.of(need.sector()), List.of(),
                kinds, List.of(), need.commune(), false, false, SearchQuery.Sort.RELEVANCE, 1, PROPOSALS));
            if (result.degraded()) {
                return Optional.empty();
            }
            result.hits().stream().limit(PROPOSALS - ids.size()).forEach(hit -> ids.add(hit.id()));
        }
        return Optional.of(ids);
    }

    /**
     * How many suppliers cover the commune for the sector whatever the keywords, when the shortlist had keywords:
     * when they are three or more, a short list is the keywords' doing, not the place's. Empty without keywords or
     * when the search engine is unavailable.
     */
    public OptionalLong coveringWithoutKeywords(Shortlist shortlist) {
        if (shortlist.keywords() == null || shortlist.keywords().isBlank()) {
            return OptionalLong.empty();
        }
        SearchResult result = search.search(new SearchQuery(null, List.of(), List.of(shortlist.sector()), List.of(), List.of(),
            List.of(), shortlist.commune(), false, false, SearchQuery.Sort.RELEVANCE, 1, 1));
        return result.degraded() ? OptionalLong.empty() : OptionalLong.of(result.total());
    }

    @Transactional
    public Shortlist save(long accountId, Need need, List<Long> supplierIds) {
        Shortlist shortlist = shortlists.save(new Shortlist(null, accountId, need.object(), need.sector(), need.commune(),
            need.keywords(), need.socialFirst(), clock.instant()));
        proposed.propose(shortlist.id(), supplierIds);
        return shortlist;
    }

    /** The shortlist if this person may read it: its buyer, or staff. */
    public Optional<Shortlist> readable(long id, CurrentUser user) {
        return shortlists.findById(id).filter(s -> s.accountId() == user.accountId() || user.isStaff());
    }

    public Optional<Shortlist> find(long id) {
        return shortlists.findById(id);
    }

    @Transactional(readOnly = true)
    public List<Proposal> proposals(Shortlist shortlist) {
        List<ShortlistSupplierRepository.Proposed> rows = proposed.findByShortlist(shortlist.id());
        Map<Long, SupplierSummary> suppliers = new HashMap<>();
        directory.summaries(rows.stream().map(ShortlistSupplierRepository.Proposed::supplierId).toList())
            .forEach(supplier -> suppliers.put(supplier.id(), supplier));
        return rows.stream().filter(row -> suppliers.containsKey(row.supplierId()))
            .map(row -> proposal(suppliers.get(row.supplierId()), row.position(), row.selected())).toList();
    }

    private static Proposal proposal(SupplierSummary supplier, int position, boolean selected) {
        return new Proposal(supplier.id(), position, selected, supplier.displayName(), supplier.slug(), supplier.kind().label(),
            supplier.socialEconomy(), supplier.communeName(), supplier.isPublished());
    }

    /**
     * Adds a published supplier to the shortlist, kept (from a programming line's page, where the buyer chose it);
     * the buyer's own shortlist only. False when the supplier is not published.
     */
    @Transactional
    public boolean add(Shortlist shortlist, long supplierId) {
        if (directory.summary(supplierId).filter(SupplierSummary::isPublished).isEmpty()) {
            return false;
        }
        proposed.addSelected(shortlist.id(), supplierId);
        return true;
    }

    /** The buyer's shortlists, most recent first. */
    public List<Shortlist> recentOf(long accountId, int size) {
        return shortlists.findByAccountId(accountId, Pageable.from(0, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))))
            .getContent();
    }

    /** Keeps the ticked suppliers (only among those proposed); the buyer's own shortlist only. */
    @Transactional
    public void select(Shortlist shortlist, List<Long> supplierIds) {
        proposed.select(shortlist.id(), supplierIds);
    }

    @Transactional(readOnly = true)
    public List<Long> selectedIds(Shortlist shortlist) {
        return proposals(shortlist).stream().filter(Proposal::selected).map(Proposal::supplierId).toList();
    }

    @Transactional(readOnly = true)
    public Page<Summary> history(long accountId, int page, int size) {
        Page<Shortlist> found = shortlists.findByAccountId(accountId,
            Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        Map<Long, ShortlistSupplierRepository.Counts> counts =
            proposed.countsByShortlist(found.getContent().stream().map(Shortlist::id).toList());
        return found.map(s -> {
            ShortlistSupplierRepository.Counts count = counts.getOrDefault(s.id(), ShortlistSupplierRepository.Counts.NONE);
            return new Summary(s, communeName(s.commune()), count.proposed(), count.selected());
        });
    }

    public String communeName(String code) {
        return reference.commune(code).map(Commune::displayName).orElse(code);
    }
}
