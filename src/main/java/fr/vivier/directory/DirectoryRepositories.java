package fr.vivier.directory;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public final class DirectoryRepositories {
    private DirectoryRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Suppliers extends CrudRepository<Supplier, Long> {
        Optional<Supplier> findBySiret(String siret);

        List<Supplier> findByIdIn(Collection<Long> ids);

        List<Supplier> findByIdInAndStatus(Collection<Long> ids, SupplierStatus status);

        Optional<Supplier> findBySlug(String slug);

        boolean existsBySlug(String slug);

        List<Supplier> findBySirenOrderById(String siren);

        List<Supplier> findBySiretIn(Collection<String> sirets);

        List<Supplier> findBySirenInOrderById(Collection<String> sirens);

        /** The structure showed a sign of life (opened its link): its retention period starts again. */
        @Query("UPDATE supplier SET last_activity_at = :now, retention_notice_at = NULL WHERE id = :id")
        int recordActivity(long id, Instant now);

        @Query("UPDATE supplier SET retention_notice_at = :now WHERE id = :id")
        int recordRetentionNotice(long id, Instant now);

        @Query(value = "SELECT * FROM supplier WHERE review_needed = TRUE AND status IN ('PENDING', 'PUBLISHED') ORDER BY updated_at",
            countQuery = "SELECT count(*) FROM supplier WHERE review_needed = TRUE AND status IN ('PENDING', 'PUBLISHED')")
        Page<Supplier> findReviewQueue(Pageable pageable);

        /** The review queue narrowed by a staff filter (see {@link StaffQueueFilter.SupplierCriteria}). */
        @Query(value = """
            SELECT * FROM supplier WHERE review_needed = TRUE AND status IN (:statuses) AND updated_at >= :from AND updated_at < :to
            AND kind IN (:kinds) AND (:communeCode = '' OR commune_code = :communeCode)
            AND (:text = '' OR name ILIKE :namePattern OR trade_name ILIKE :namePattern OR siret LIKE :siretPrefix)
            ORDER BY updated_at""", countQuery = """
            SELECT count(*) FROM supplier WHERE review_needed = TRUE AND status IN (:statuses) AND updated_at >= :from AND updated_at < :to
            AND kind IN (:kinds) AND (:communeCode = '' OR commune_code = :communeCode)
            AND (:text = '' OR name ILIKE :namePattern OR trade_name ILIKE :namePattern OR siret LIKE :siretPrefix)""")
        Page<Supplier> findReviewQueue(Collection<String> statuses, Instant from, Instant to, Collection<String> kinds, String communeCode,
                                       String text, String namePattern, String siretPrefix, Pageable pageable);

        /** Ids of the structures a staff filter narrows to (see {@link StaffQueueFilter.SupplierCriteria}). */
        @Query("""
            SELECT id FROM supplier WHERE kind IN (:kinds) AND (:communeCode = '' OR commune_code = :communeCode)
            AND (:text = '' OR name ILIKE :namePattern OR trade_name ILIKE :namePattern OR siret LIKE :siretPrefix)""")
        List<Long> findIdsMatching(Collection<String> kinds, String communeCode, String text, String namePattern, String siretPrefix);

        long countByStatus(SupplierStatus status);

        @Query("SELECT id FROM supplier WHERE status = 'PUBLISHED' AND id > :afterId ORDER BY id LIMIT :limit")
        List<Long> findPublishedIdsAfter(long afterId, int limit);

        @Query("SELECT * FROM supplier WHERE status NOT IN ('ERASED') AND last_activity_at < :before AND retention_notice_at IS NULL ORDER BY id LIMIT 500")
        List<Supplier> findInactiveWithoutNotice(Instant before);

        @Query("SELECT * FROM supplier WHERE status NOT IN ('ERASED') AND retention_notice_at IS NOT NULL AND retention_notice_at < :before ORDER BY id LIMIT 500")
        List<Supplier> findNoticedBefore(Instant before);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Contacts extends CrudRepository<SupplierChildren.Contact, Long> {
        List<SupplierChildren.Contact> findBySupplierIdIn(Collection<Long> supplierIds);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Consents extends CrudRepository<SupplierChildren.Consent, Long> {
        List<SupplierChildren.Consent> findBySupplierIdOrderById(Long supplierId);

        List<SupplierChildren.Consent> findBySupplierIdInAndWithdrawnAtIsNull(Collection<Long> supplierIds);

        @Query("UPDATE supplier_consent SET withdrawn_at = :now WHERE supplier_id = :supplierId AND kind = :kind AND withdrawn_at IS NULL")
        int withdraw(Long supplierId, String kind, Instant now);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface History extends CrudRepository<SupplierChildren.HistoryEntry, Long> {
        List<SupplierChildren.HistoryEntry> findBySupplierIdOrderByOccurredAtDesc(Long supplierId);

        /** A merge: the duplicate's lines become the kept profile's, each marked with the duplicate's address. */
        @Query("""
            UPDATE supplier_history SET supplier_id = :keptId, detail = left('(fiche ' || :duplicateSlug || ') ' || coalesce(detail, ''), 1000)
            WHERE supplier_id = :duplicateId""")
        int moveToSupplier(long duplicateId, String duplicateSlug, long keptId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Links extends CrudRepository<SupplierChildren.Link, Long> {
        Optional<SupplierChildren.Link> findByTokenHash(String tokenHash);

        @Query("UPDATE supplier_link SET used_at = :now WHERE id = :id AND used_at IS NULL")
        int markUsed(Long id, Instant now);

        @Query("SELECT EXISTS (SELECT 1 FROM supplier_link WHERE supplier_id = :supplierId AND created_at > :since)")
        boolean existsCreatedSince(Long supplierId, Instant since);

        /** Revokes the links not used yet: only the newest mailed link opens the profile. */
        @Query("UPDATE supplier_link SET used_at = :now WHERE supplier_id = :supplierId AND used_at IS NULL")
        int revokeUnused(Long supplierId, Instant now);
    }
}
