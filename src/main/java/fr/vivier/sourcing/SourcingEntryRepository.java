package fr.vivier.sourcing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The journal's entries. Lists are filtered in SQL on indexed columns (see V11); who may read what is part of the WHERE. */
@JdbcRepository(dialect = Dialect.POSTGRES)
abstract class SourcingEntryRepository implements CrudRepository<SourcingEntry, Long> {
    private final JdbcOperations jdbc;

    SourcingEntryRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A WHERE clause with its parameters, in order. */
    record Where(String sql, List<Object> parameters) {
        /** Everything a viewer may read (null account: staff, all), narrowed by the filter. */
        static Where of(@Nullable Long accountId, @Nullable String direction, JournalFilter filter) {
            List<String> clauses = new ArrayList<>(List.of("TRUE"));
            List<Object> parameters = new ArrayList<>();
            if (accountId != null) {
                if (direction == null) {
                    clauses.add("account_id = ?");
                    parameters.add(accountId);
                } else {
                    clauses.add("(account_id = ? OR lower(direction) = lower(?))");
                    parameters.add(accountId);
                    parameters.add(direction);
                }
            }
            if (filter.from() != null) {
                clauses.add("contact_date >= ?");
                parameters.add(filter.from());
            }
            if (filter.to() != null) {
                clauses.add("contact_date <= ?");
                parameters.add(filter.to());
            }
            if (filter.direction() != null) {
                clauses.add("lower(direction) = lower(?)");
                parameters.add(filter.direction());
            }
            if (filter.channel() != null) {
                clauses.add("channel = ?");
                parameters.add(filter.channel().name());
            }
            if (filter.outcome() != null) {
                clauses.add("outcome = ?");
                parameters.add(filter.outcome().name());
            }
            if (filter.family() != null) {
                clauses.add("supplier_family = ?");
                parameters.add(filter.family().name());
            }
            return new Where(String.join(" AND ", clauses), parameters);
        }
    }

    List<SourcingEntry> list(Where where, int offset, int limit) {
        return jdbc.prepareStatement("SELECT * FROM sourcing_entry WHERE " + where.sql()
            + " ORDER BY contact_date DESC, id DESC OFFSET ? LIMIT ?", statement -> {
            int next = bind(statement, where.parameters());
            statement.setInt(next++, offset);
            statement.setInt(next, limit);
            try (ResultSet rows = statement.executeQuery()) {
                return jdbc.entityStream(rows, SourcingEntry.class).toList();
            }
        });
    }

    /** The entries {@code where} allows with the structure of one of these SIRETs, newest first. */
    List<SourcingEntry> withSirets(Where where, Collection<String> sirets, int limit) {
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(sirets.toArray(String[]::new));
        return list(new Where(where.sql() + " AND supplier_siret = ANY (?)", parameters), 0, limit);
    }

    /** The entries {@code where} allows among these ids, newest first. */
    List<SourcingEntry> withIds(Where where, Collection<Long> ids) {
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(ids.toArray(Long[]::new));
        return list(new Where(where.sql() + " AND id = ANY (?)", parameters), 0, ids.size());
    }

    long count(Where where) {
        return jdbc.prepareStatement("SELECT count(*) FROM sourcing_entry WHERE " + where.sql(), statement -> {
            bind(statement, where.parameters());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Entries per direction with a contact date in [from, to], as directions were written (the first spelling wins). */
    Map<String, Long> countByDirection(LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("""
            SELECT min(direction), count(*) FROM sourcing_entry WHERE contact_date >= ? AND contact_date <= ?
            GROUP BY lower(direction) ORDER BY 1""", statement -> {
            statement.setDate(1, Date.valueOf(from));
            statement.setDate(2, Date.valueOf(to));
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        });
    }

    abstract List<SourcingEntry> findBySupplierIdOrderByContactDateDesc(Long supplierId);

    abstract List<SourcingEntry> findByRecontactRequestIdIn(Collection<Long> requestIds);

    @Query("UPDATE sourcing_entry SET supplier_id = :keptId WHERE supplier_id = :duplicateId")
    abstract int moveToSupplier(long duplicateId, long keptId);

    /** RGPD erasure: the contacts stay counted, without the structure's name, SIRET or the notes about it. */
    @Query("""
        UPDATE sourcing_entry SET supplier_id = NULL, supplier_name = 'Structure effacée', supplier_siret = NULL, notes = '',
        updated_at = :now WHERE supplier_id = :supplierId""")
    abstract int anonymise(long supplierId, Instant now);

    private static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            if (parameter instanceof LocalDate day) {
                statement.setDate(index++, Date.valueOf(day));
            } else if (parameter instanceof Instant instant) {
                statement.setTimestamp(index++, Timestamp.from(instant));
            } else if (parameter instanceof Object[] values) {
                statement.setArray(index++, statement.getConnection().createArrayOf(values instanceof Long[] ? "bigint" : "text", values));
            } else {
                statement.setObject(index++, parameter);
            }
        }
        return index;
    }
}
