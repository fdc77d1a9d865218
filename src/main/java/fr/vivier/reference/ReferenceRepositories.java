package fr.vivier.reference;

import fr.vivier.shared.TextFolding;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Map;

final class ReferenceRepositories {
    private ReferenceRepositories() {
    }

    @MappedEntity("commune")
    record CommuneRow(@Id String code, String name, String departementCode, String regionCode, @Nullable String epciCode,
                      @Nullable String eptCode, int population, String postcodes) {
        Commune toCommune(Map<String, String> departementNames) {
            return new Commune(code, name, departementCode, regionCode, epciCode, eptCode, population,
                postcodes.isBlank() ? List.of() : List.of(postcodes.split(" ")), TextFolding.words(name),
                departementNames.getOrDefault(departementCode, departementCode));
        }
    }

    /** A named territory (EPCI or EPT, département, région): its code and name. */
    @MappedEntity("region")
    record Area(@Id String code, String name) { }

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
    interface Communes extends GenericRepository<CommuneRow, String> {
        List<CommuneRow> findAll();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Areas extends GenericRepository<Area, String> {
        @Query("SELECT code, name FROM epci")
        List<Area> findEpci();

        @Query("SELECT code, name FROM departement")
        List<Area> findDepartements();

        @Query("SELECT code, name FROM region")
        List<Area> findRegions();
    }
}
