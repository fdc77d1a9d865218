package fr.vivier.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountRepository extends CrudRepository<Account, Long> {

    @Query("SELECT * FROM account WHERE lower(email) = lower(:email)")
    Optional<Account> findByEmail(String email);

    Page<Account> findAll(Pageable pageable);

    @Query("SELECT * FROM account WHERE role = :role AND enabled ORDER BY display_name, id")
    java.util.List<Account> findEnabledOfRole(String role);
}
