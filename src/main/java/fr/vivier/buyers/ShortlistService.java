package fr.vivier.buyers;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.StructureKind;
import fr.vivier.reference.Territories;
import fr.vivier.search.SearchQuery;
import fr.vivier.search.SearchResult;
import fr.vivier.search.SupplierSearch;
import fr.vivier.web.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Array;
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
    private final SupplierSearch search;
    private final DirectoryService directory;
    private final Territories territories;
    private final JdbcOperations jdbc;
    private final Clock clock;

    ShortlistService(BuyerRepositories.Shortlists shortlists, SupplierSearch search, DirectoryService directory,
                     Territories territories, JdbcOperations jdbc, Clock clock) {
        this.shortlists = shortlists;
        this.search = search;
        this.directory = directory;
        this.territories = territories;
        this.jdbc = jdbc;
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
        for (int position = 0; position < supplierIds.size(); position++) {
            int index = position;
            jdbc.prepareStatement("INSERT INTO shortlist_supplier (shortlist_id, supplier_id, selected, position) VALUES (?, ?, FALSE, ?)",
                statement -> {
                    statement.setLong(1, shortlist.id());
                    statement.setLong(2, supplierIds.get(index));
                    statement.setInt(3, index + 1);
                    return statement.executeUpdate();
                });
        }
        return shortlist;
    }

    /** The shortlist if this person may read it: its buyer, or staff. */
    public Optional<Shortlist> readable(long id, CurrentUser user) {
        return shortlists.findById(id).filter(s -> s.accountId() == user.accountId() || user.isStaff());
    }

    public Optional<Shortlist> find(long id) {
        return shortlists.findById(id);
    }

    private record ProposalRow(long supplierId, int position, boolean selected) { }

    @Transactional(readOnly = true)
    public List<Proposal> proposals(Shortlist shortlist) {
        List<ProposalRow> rows = jdbc.prepareStatement(
            "SELECT supplier_id, position, selected FROM shortlist_supplier WHERE shortlist_id = ? ORDER BY position", statement -> {
                statement.setLong(1, shortlist.id());
                List<ProposalRow> result = new ArrayList<>();
                try (var resultSet = statement.executeQuery()) {
                    while (resultSet.next()) {
                        result.add(new ProposalRow(resultSet.getLong(1), resultSet.getInt(2), resultSet.getBoolean(3)));
                    }
                }
                return result;
            });
        List<Proposal> proposals = new ArrayList<>();
        for (ProposalRow row : rows) {
            directory.find(row.supplierId()).ifPresent(supplier -> proposals.add(proposal(supplier, row.position(), row.selected())));
        }
        return proposals;
    }

    private Proposal proposal(Supplier supplier, int position, boolean selected) {
        return new Proposal(supplier.id(), position, selected, supplier.displayName(), supplier.slug(), supplier.kind().label(),
            supplier.kind().family() != StructureKind.Family.COMPANY, communeName(supplier.communeCode()), supplier.isPublished());
    }

    /** Keeps the ticked suppliers (only among those proposed); the buyer's own shortlist only. */
    @Transactional
    public void select(Shortlist shortlist, List<Long> supplierIds) {
        jdbc.prepareStatement("UPDATE shortlist_supplier SET selected = (supplier_id = ANY (?)) WHERE shortlist_id = ?",
            statement -> {
                Array ids = statement.getConnection().createArrayOf("bigint", supplierIds.toArray());
                statement.setArray(1, ids);
                statement.setLong(2, shortlist.id());
                return statement.executeUpdate();
            });
    }

    @Transactional(readOnly = true)
    public List<Long> selectedIds(Shortlist shortlist) {
        return proposals(shortlist).stream().filter(Proposal::selected).map(Proposal::supplierId).toList();
    }

    @Transactional(readOnly = true)
    public Page<Summary> history(long accountId, int page, int size) {
        Page<Shortlist> found = shortlists.findByAccountId(accountId,
            Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        Map<Long, int[]> counts = counts(found.getContent().stream().map(Shortlist::id).toList());
        return found.map(s -> new Summary(s, communeName(s.commune()), counts.getOrDefault(s.id(), new int[2])[0],
            counts.getOrDefault(s.id(), new int[2])[1]));
    }

    private Map<Long, int[]> counts(List<Long> shortlistIds) {
        if (shortlistIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("""
            SELECT shortlist_id, count(*), count(*) FILTER (WHERE selected) FROM shortlist_supplier
            WHERE shortlist_id = ANY (?) GROUP BY shortlist_id""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", shortlistIds.toArray()));
            Map<Long, int[]> result = new HashMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getLong(1), new int[] {rows.getInt(2), rows.getInt(3)});
                }
            }
            return result;
        });
    }

    public String communeName(String code) {
        return territories.commune(code).map(Territories.CommuneEntry::displayName).orElse(code);
    }
}
