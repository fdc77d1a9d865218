package fr.vivier.buyers;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

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
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface SavedSearches extends CrudRepository<SavedSearch, Long> {
        Page<SavedSearch> findByAccountId(long accountId, Pageable pageable);

        Optional<SavedSearch> findByUnsubscribeTokenHash(String unsubscribeTokenHash);

        @Query("SELECT id FROM saved_search WHERE subscribed AND id > :afterId ORDER BY id LIMIT :limit")
        List<Long> findSubscribedIdsAfter(long afterId, int limit);
    }
}
