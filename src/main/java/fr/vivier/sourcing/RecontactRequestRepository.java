package fr.vivier.sourcing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RecontactRequestRepository extends CrudRepository<RecontactRequest, Long> {
    Page<RecontactRequest> findByStatusInList(List<RecontactRequest.Status> statuses, Pageable pageable);

    List<RecontactRequest> findBySupplierId(Long supplierId);
}
