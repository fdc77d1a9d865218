package fr.vivier.sourcing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RecontactRequestRepository extends CrudRepository<RecontactRequest, Long> {
    List<RecontactRequest> findBySupplierId(Long supplierId);

    List<RecontactRequest> findByAssignedToAndStatusInOrderByCreatedAt(Long assignedTo, Collection<RecontactRequest.Status> statuses);

    /** Open requests made before {@code before}, given to someone and not reminded yet: the reminder job's work. */
    @Query("""
        SELECT * FROM recontact_request WHERE status IN ('NEW', 'ASSIGNED') AND assigned_to IS NOT NULL AND reminded_at IS NULL
        AND created_at < :before ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<RecontactRequest> findToRemind(Instant before, int limit);

    @Query("UPDATE recontact_request SET reminded_at = :now WHERE id = :id")
    int markReminded(long id, Instant now);

    /** Requests created in [from, to). */
    @Query("SELECT count(*) FROM recontact_request WHERE created_at >= :from AND created_at < :to")
    long countCreated(Instant from, Instant to);

    /** The requests of these statuses created in [from, to), oldest first. */
    @Query(value = "SELECT * FROM recontact_request WHERE status IN (:statuses) AND created_at >= :from AND created_at < :to ORDER BY created_at, id",
        countQuery = "SELECT count(*) FROM recontact_request WHERE status IN (:statuses) AND created_at >= :from AND created_at < :to")
    Page<RecontactRequest> findListed(Collection<String> statuses, Instant from, Instant to, Pageable pageable);

    /** The requests of these statuses created in [from, to) about these structures, oldest first. */
    @Query(value = """
        SELECT * FROM recontact_request WHERE status IN (:statuses) AND created_at >= :from AND created_at < :to
        AND supplier_id IN (:supplierIds) ORDER BY created_at, id""", countQuery = """
        SELECT count(*) FROM recontact_request WHERE status IN (:statuses) AND created_at >= :from AND created_at < :to
        AND supplier_id IN (:supplierIds)""")
    Page<RecontactRequest> findListedOfSuppliers(Collection<String> statuses, Instant from, Instant to, Collection<Long> supplierIds,
                                                 Pageable pageable);

    /** The median number of seconds from creation to answer of the requests created in [from, to); null when none was answered. */
    @Query("""
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at))
        FROM recontact_request WHERE answered_at IS NOT NULL AND created_at >= :from AND created_at < :to""")
    @Nullable Double findMedianAnswerSeconds(Instant from, Instant to);

    @Query("SELECT count(*) FROM recontact_request WHERE answered_at IS NOT NULL AND created_at >= :from AND created_at < :to")
    long countAnswered(Instant from, Instant to);

    /** A merge of two profiles: the requests of one become the other's. */
    @Query("UPDATE recontact_request SET supplier_id = :keptId WHERE supplier_id = :duplicateId")
    int moveToSupplier(long duplicateId, long keptId);
}
