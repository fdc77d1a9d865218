package fr.vivier.buyers;

import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Buyers' named lists of suppliers: one name per buyer, a supplier at most once per list. */
@Singleton
public class FavouritesService {
    private final BuyerRepositories.FavouriteLists lists;
    private final SupplierDirectory directory;
    private final JdbcOperations jdbc;
    private final Clock clock;

    FavouritesService(BuyerRepositories.FavouriteLists lists, SupplierDirectory directory, JdbcOperations jdbc, Clock clock) {
        this.lists = lists;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public sealed interface Creation {
        record Created(FavouriteList list) implements Creation { }
        record Invalid(Map<String, String> errors) implements Creation { }
    }

    public record Summary(FavouriteList list, int size) { }

    public record Entry(long supplierId, String name, String slug, String kind, String commune, boolean published) { }

    /** Not one transaction: the insert runs alone, so a unique-index refusal can be answered as a form error. */
    public Creation create(long accountId, String name) {
        String clean = name.strip();
        if (lists.nameTaken(accountId, clean)) {
            return duplicate(clean);
        }
        try {
            return new Creation.Created(lists.save(new FavouriteList(null, accountId, clean, clock.instant())));
        } catch (DataAccessException e) {
            // the same name created at the same moment from another tab: the unique index decides
            return duplicate(clean);
        }
    }

    private static Creation duplicate(String name) {
        return new Creation.Invalid(Map.of("name", "Vous avez déjà une liste nommée « " + name + " » : choisissez un autre nom."));
    }

    public Optional<FavouriteList> owned(long listId, long accountId) {
        return lists.findById(listId).filter(list -> list.accountId() == accountId);
    }

    public Optional<FavouriteList> find(long listId) {
        return lists.findById(listId);
    }

    public List<FavouriteList> allOf(long accountId) {
        return lists.findByAccountIdOrderByName(accountId);
    }

    @Transactional(readOnly = true)
    public Page<Summary> listsOf(long accountId, int page, int size) {
        Page<FavouriteList> found = lists.findByAccountId(accountId, Pageable.from(page, size, Sort.of(Sort.Order.asc("name"))));
        return found.map(list -> new Summary(list, count(list.id())));
    }

    /** Adds a published supplier to the list (nothing happens when it is already there). */
    @Transactional
    public boolean add(FavouriteList list, long supplierId) {
        if (directory.summary(supplierId).filter(SupplierSummary::isPublished).isEmpty()) {
            return false;
        }
        jdbc.prepareStatement("""
            INSERT INTO favourite_list_supplier (list_id, supplier_id, added_at) VALUES (?, ?, ?)
            ON CONFLICT (list_id, supplier_id) DO NOTHING""", statement -> {
            statement.setLong(1, list.id());
            statement.setLong(2, supplierId);
            statement.setObject(3, java.sql.Timestamp.from(clock.instant()));
            return statement.executeUpdate();
        });
        return true;
    }

    @Transactional
    public void remove(FavouriteList list, long supplierId) {
        jdbc.prepareStatement("DELETE FROM favourite_list_supplier WHERE list_id = ? AND supplier_id = ?", statement -> {
            statement.setLong(1, list.id());
            statement.setLong(2, supplierId);
            return statement.executeUpdate();
        });
    }

    @Transactional
    public void delete(FavouriteList list) {
        lists.deleteById(list.id());
    }

    /** A page of the list's suppliers, most recently added first. */
    @Transactional(readOnly = true)
    public Page<Entry> entries(FavouriteList list, int page, int size) {
        Pageable pageable = Pageable.from(page, size);
        List<Long> ids = jdbc.prepareStatement("""
            SELECT supplier_id FROM favourite_list_supplier WHERE list_id = ? ORDER BY added_at DESC, supplier_id
            LIMIT ? OFFSET ?""", statement -> {
            statement.setLong(1, list.id());
            statement.setInt(2, size);
            statement.setLong(3, pageable.getOffset());
            List<Long> result = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(rows.getLong(1));
                }
            }
            return result;
        });
        List<Entry> entries = directory.summaries(ids).stream().map(supplier -> new Entry(supplier.id(), supplier.displayName(),
            supplier.slug(), supplier.kind().label(), supplier.communeName(), supplier.isPublished())).toList();
        return Page.of(entries, pageable, (long) count(list.id()));
    }

    private int count(long listId) {
        return jdbc.prepareStatement("SELECT count(*) FROM favourite_list_supplier WHERE list_id = ?", statement -> {
            statement.setLong(1, listId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
