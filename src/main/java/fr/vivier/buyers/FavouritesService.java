package fr.vivier.buyers;

import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Buyers' named lists of suppliers: one name per buyer, a supplier at most once per list. */
@Singleton
public class FavouritesService {
    private final BuyerRepositories.FavouriteLists lists;
    private final SupplierDirectory directory;
    private final Clock clock;

    FavouritesService(BuyerRepositories.FavouriteLists lists, SupplierDirectory directory, Clock clock) {
        this.lists = lists;
        this.directory = directory;
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
        return found.map(list -> new Summary(list, lists.countSuppliers(list.id())));
    }

    /** Adds a published supplier to the list (nothing happens when it is already there). */
    @Transactional
    public boolean add(FavouriteList list, long supplierId) {
        if (directory.summary(supplierId).filter(SupplierSummary::isPublished).isEmpty()) {
            return false;
        }
        lists.addSupplier(list.id(), supplierId, clock.instant());
        return true;
    }

    @Transactional
    public void remove(FavouriteList list, long supplierId) {
        lists.removeSupplier(list.id(), supplierId);
    }

    @Transactional
    public void delete(FavouriteList list) {
        lists.deleteById(list.id());
    }

    /** A page of the list's suppliers, most recently added first. */
    @Transactional(readOnly = true)
    public Page<Entry> entries(FavouriteList list, int page, int size) {
        Pageable pageable = Pageable.from(page, size);
        List<Long> ids = lists.findSupplierIds(list.id(), size, pageable.getOffset());
        List<Entry> entries = directory.summaries(ids).stream().map(supplier -> new Entry(supplier.id(), supplier.displayName(),
            supplier.slug(), supplier.kind().label(), supplier.communeName(), supplier.isPublished())).toList();
        return Page.of(entries, pageable, (long) lists.countSuppliers(list.id()));
    }
}
