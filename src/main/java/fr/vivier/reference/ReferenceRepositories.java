package fr.vivier.reference;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

final class ReferenceRepositories {
    private ReferenceRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface SectorGroups extends GenericRepository<SectorGroup, String> {
        List<SectorGroup> listOrderByPosition();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Sectors extends GenericRepository<Sector, String> {
        List<Sector> listOrderByPosition();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Labels extends GenericRepository<Label, String> {
        List<Label> listOrderByPosition();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Communes extends GenericRepository<Commune, String> {
        Optional<Commune> findByCode(String code);

        long count();
    }
}
