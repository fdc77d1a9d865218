package fr.vivier.buyers;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class BuyerRepositories {
    private BuyerRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Shortlists extends CrudRepository<Shortlist, Long> {
        Page<Shortlist> findByAccountId(long accountId, Pageable pageable);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface FavouriteLists extends CrudRepository<FavouriteList, Long> {
        Page<FavouriteList> findByAccountId(long accountId, Pageable pageable);

        List<FavouriteList> findByAccountIdOrderByName(long accountId);

        @Query("SELECT EXISTS (SELECT 1 FROM favourite_list WHERE account_id = :accountId AND lower(name) = lower(:name))")
        boolean nameTaken(long accountId, String name);

        /** Adds the supplier to the list; nothing happens when it is already there. */
        @Query("""
            INSERT INTO favourite_list_supplier (list_id, supplier_id, added_at) VALUES (:listId, :supplierId, :addedAt)
            ON CONFLICT (list_id, supplier_id) DO NOTHING""")
        void addSupplier(long listId, long supplierId, Instant addedAt);

        @Query("DELETE FROM favourite_list_supplier WHERE list_id = :listId AND supplier_id = :supplierId")
        void removeSupplier(long listId, long supplierId);

        /** A page of the list's suppliers, most recently added first. */
        @Query("""
            SELECT supplier_id FROM favourite_list_supplier WHERE list_id = :listId ORDER BY added_at DESC, supplier_id
            LIMIT :limit OFFSET :offset""")
        List<Long> findSupplierIds(long listId, int limit, long offset);

        @Query("SELECT count(*) FROM favourite_list_supplier WHERE list_id = :listId")
        int countSuppliers(long listId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface SavedSearches extends CrudRepository<SavedSearch, Long> {
        Page<SavedSearch> findByAccountId(long accountId, Pageable pageable);

        Optional<SavedSearch> findByUnsubscribeTokenHash(String unsubscribeTokenHash);

        @Query("SELECT id FROM saved_search WHERE subscribed AND id > :afterId ORDER BY id LIMIT :limit")
        List<Long> findSubscribedIdsAfter(long afterId, int limit);

        /** The suppliers the digest of this search already considered, mailed or not. */
        @Query("SELECT supplier_id FROM saved_search_notified WHERE saved_search_id = :savedSearchId")
        List<Long> findNotifiedSupplierIds(long savedSearchId);

        @Query("""
            INSERT INTO saved_search_notified (saved_search_id, supplier_id, notified_at, mailed)
            VALUES (:savedSearchId, :supplierId, :notifiedAt, :mailed) ON CONFLICT DO NOTHING""")
        void recordNotified(long savedSearchId, long supplierId, Instant notifiedAt, boolean mailed);
    }
}
