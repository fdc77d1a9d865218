package fr.vivier.programming;

import fr.vivier.shared.JobLocks;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The census imports and their row reports, each call its own transaction (the import commits batch by batch). */
@Singleton
class CensusImportJobRepository {
    private static final String LOCK = "programming-census-import";

    private final JdbcOperations jdbc;
    private final JobLocks locks;

    CensusImportJobRepository(JdbcOperations jdbc, JobLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    enum State {
        RUNNING, DONE, FAILED
    }

    /** An import as its progress page shows it. */
    record Job(long id, String startedByName, Instant startedAt, Instant updatedAt, @Nullable Instant finishedAt, State state,
               int totalRows, int doneRows, @Nullable String failure) { }

    /** Records a new running import, unless another one is running (and moved within {@code stale}): empty then. */
    @Transactional
    public Optional<Long> open(Editor editor, Instant now, Duration stale) {
        if (!locks.tryTake(LOCK)) {
            return Optional.empty();
        }
        boolean running = jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM programming_census_import WHERE state = 'RUNNING' "
            + "AND updated_at > ?)", statement -> {
                statement.setTimestamp(1, Timestamp.from(now.minus(stale)));
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() && rows.getBoolean(1);
                }
            });
        if (running) {
            return Optional.empty();
        }
        return Optional.of(jdbc.prepareStatement("INSERT INTO programming_census_import (started_by, started_by_name, started_at, "
            + "updated_at, state) VALUES (?, ?, ?, ?, 'RUNNING') RETURNING id", statement -> {
                if (editor.accountId() == null) {
                    statement.setNull(1, Types.BIGINT);
                } else {
                    statement.setLong(1, editor.accountId());
                }
                statement.setString(2, editor.name());
                statement.setTimestamp(3, Timestamp.from(now));
                statement.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }));
    }

    @Transactional
    public void started(long id, int totalRows, Instant now) {
        jdbc.prepareStatement("UPDATE programming_census_import SET total_rows = ?, updated_at = ? WHERE id = ?", statement -> {
            statement.setInt(1, totalRows);
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setLong(3, id);
            return statement.executeUpdate();
        });
    }

    /** Keeps a batch's reports and moves the count of rows done, together. */
    @Transactional
    public void decided(long id, List<CensusImport.RowReport> reports, Instant now) {
        jdbc.prepareStatement("INSERT INTO programming_census_import_row (import_id, line, reference, lot, head, outcome, problems) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (import_id, line) DO NOTHING", statement -> {
                for (CensusImport.RowReport report : reports) {
                    statement.setLong(1, id);
                    statement.setInt(2, report.line());
                    statement.setString(3, report.reference());
                    if (report.lot() == null) {
                        statement.setNull(4, Types.INTEGER);
                    } else {
                        statement.setInt(4, report.lot());
                    }
                    statement.setBoolean(5, report.head());
                    statement.setString(6, report.outcome().name());
                    statement.setArray(7, statement.getConnection().createArrayOf("text", report.problems().toArray()));
                    statement.addBatch();
                }
                return reports.isEmpty() ? new int[0] : statement.executeBatch();
            });
        jdbc.prepareStatement("UPDATE programming_census_import SET done_rows = done_rows + ?, updated_at = ? WHERE id = ?", statement -> {
            statement.setInt(1, reports.size());
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setLong(3, id);
            return statement.executeUpdate();
        });
    }

    @Transactional
    public void finished(long id, State state, @Nullable String failure, Instant now) {
        jdbc.prepareStatement("UPDATE programming_census_import SET state = ?, failure = ?, finished_at = ?, updated_at = ? WHERE id = ?",
            statement -> {
                statement.setString(1, state.name());
                statement.setString(2, failure);
                statement.setTimestamp(3, Timestamp.from(now));
                statement.setTimestamp(4, Timestamp.from(now));
                statement.setLong(5, id);
                return statement.executeUpdate();
            });
    }

    @Transactional(readOnly = true)
    public Optional<Job> find(long id) {
        return jdbc.prepareStatement("SELECT id, started_by_name, started_at, updated_at, finished_at, state, total_rows, done_rows, "
            + "failure FROM programming_census_import WHERE id = ?", statement -> {
                statement.setLong(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Job>empty();
                    }
                    Timestamp finished = rows.getTimestamp(5);
                    return Optional.of(new Job(rows.getLong(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                        rows.getTimestamp(4).toInstant(), finished == null ? null : finished.toInstant(), State.valueOf(rows.getString(6)),
                        rows.getInt(7), rows.getInt(8), rows.getString(9)));
                }
            });
    }

    @Transactional(readOnly = true)
    public List<CensusImport.RowReport> reports(long id) {
        return jdbc.prepareStatement("SELECT line, reference, lot, head, outcome, problems FROM programming_census_import_row "
            + "WHERE import_id = ? ORDER BY line", statement -> {
                statement.setLong(1, id);
                List<CensusImport.RowReport> reports = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        int lot = rows.getInt(3);
                        Integer lotNumber = rows.wasNull() ? null : lot;
                        reports.add(new CensusImport.RowReport(rows.getInt(1), rows.getString(2), lotNumber, rows.getBoolean(4),
                            CensusImport.Outcome.valueOf(rows.getString(5)), texts(rows.getArray(6))));
                    }
                }
                return reports;
            });
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
