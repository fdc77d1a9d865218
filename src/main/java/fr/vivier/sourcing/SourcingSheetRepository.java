package fr.vivier.sourcing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Sourcing sheets and their answers, in plain SQL (answers are a text array in the order of the questions). */
@Singleton
@Transactional
class SourcingSheetRepository {
    private final JdbcOperations jdbc;

    SourcingSheetRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Sheet(long id, long lineId, long accountId, String direction, String questions, String summary, @Nullable Instant completedAt) {
        List<String> questionList() {
            return Arrays.stream(questions.split("\n")).map(String::strip).filter(q -> !q.isEmpty()).toList();
        }
    }

    record Answer(long id, @Nullable Long supplierId, String supplierName, List<String> answers) { }

    Optional<Sheet> ofLine(long lineId) {
        return jdbc.prepareStatement("SELECT id, programming_line_id, account_id, direction, questions, summary, completed_at "
            + "FROM sourcing_sheet WHERE programming_line_id = ?", statement -> {
            statement.setLong(1, lineId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Timestamp completed = rows.getTimestamp(7);
                return Optional.of(new Sheet(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4), rows.getString(5),
                    rows.getString(6), completed == null ? null : completed.toInstant()));
            }
        });
    }

    /** Creates the line's sheet or updates it; {@code completedAt} null reopens it. */
    void save(long lineId, long accountId, String direction, String questions, String summary, @Nullable Instant completedAt, Instant now) {
        jdbc.prepareStatement("""
            INSERT INTO sourcing_sheet (programming_line_id, account_id, direction, questions, summary, completed_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (programming_line_id) DO UPDATE SET questions = excluded.questions,
            summary = excluded.summary, completed_at = excluded.completed_at, updated_at = excluded.updated_at""", statement -> {
            statement.setLong(1, lineId);
            statement.setLong(2, accountId);
            statement.setString(3, direction);
            statement.setString(4, questions);
            statement.setString(5, summary);
            statement.setTimestamp(6, completedAt == null ? null : Timestamp.from(completedAt));
            statement.setTimestamp(7, Timestamp.from(now));
            statement.setTimestamp(8, Timestamp.from(now));
            return statement.executeUpdate();
        });
    }

    List<Answer> answers(long sheetId) {
        return jdbc.prepareStatement("SELECT id, supplier_id, supplier_name, answers FROM sourcing_sheet_answer WHERE sheet_id = ? ORDER BY id",
            statement -> {
                statement.setLong(1, sheetId);
                List<Answer> answers = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long supplierId = rows.getLong(2);
                        Long supplier = rows.wasNull() ? null : supplierId;
                        Array texts = rows.getArray(4);
                        answers.add(new Answer(rows.getLong(1), supplier, rows.getString(3),
                            List.of((String[]) texts.getArray())));
                    }
                }
                return answers;
            });
    }

    void addAnswer(long sheetId, @Nullable Long supplierId, String supplierName, List<String> answers, Instant now) {
        jdbc.prepareStatement("INSERT INTO sourcing_sheet_answer (sheet_id, supplier_id, supplier_name, answers, created_at) VALUES (?, ?, ?, ?, ?)",
            statement -> {
                statement.setLong(1, sheetId);
                statement.setObject(2, supplierId);
                statement.setString(3, supplierName);
                statement.setArray(4, statement.getConnection().createArrayOf("text", answers.toArray()));
                statement.setTimestamp(5, Timestamp.from(now));
                return statement.executeUpdate();
            });
    }

    /** « Sourcings réalisés »: sheets completed in [from, to], optionally of one direction. */
    long countCompleted(LocalDate from, LocalDate to, @Nullable String direction) {
        return jdbc.prepareStatement("""
            SELECT count(*) FROM sourcing_sheet WHERE completed_at >= (?::date AT TIME ZONE 'Europe/Paris')
            AND completed_at < ((?::date + 1) AT TIME ZONE 'Europe/Paris') AND (?::text IS NULL OR lower(direction) = lower(?::text))""",
            statement -> {
                statement.setDate(1, Date.valueOf(from));
                statement.setDate(2, Date.valueOf(to));
                statement.setString(3, direction);
                statement.setString(4, direction);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
    }
}
