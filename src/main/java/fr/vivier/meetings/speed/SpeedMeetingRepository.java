package fr.vivier.meetings.speed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Wishes, schedules, slots and meetings of speed-meetings (V17). Call inside a transaction. */
@Singleton
class SpeedMeetingRepository {
    private final JdbcOperations jdbc;

    SpeedMeetingRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A wish as stored: who (registration id) wants to meet whom, priority 1 to 3. */
    record StoredWish(long from, long to, int priority) { }

    /** The last schedule built for an event, with its quality at that time. */
    record ScheduleSummary(int slotMinutes, String breaks, Instant builtAt, int wishedPairs, int satisfied, int upperBound,
                           int minPerSupplier, double medianPerSupplier) { }

    record Slot(int number, Instant startsAt, Instant endsAt) { }

    /** A meeting of the schedule; {@code loggedAt} when written to the sourcing journal. */
    record Appointment(int slot, long buyer, long supplier, @Nullable Instant loggedAt) { }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private <T> List<T> list(String sql, Binder binder, Rows<T> reader) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            List<T> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(reader.read(rows));
                }
            }
            return found;
        });
    }

    private int update(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }

    /** Records the wish, or changes its priority when it exists. */
    void saveWish(long eventId, long from, long to, int priority, Instant at) {
        update("INSERT INTO meeting_wish (event_id, from_registration_id, to_registration_id, priority, created_at) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT (from_registration_id, to_registration_id) DO UPDATE SET priority = EXCLUDED.priority", statement -> {
                statement.setLong(1, eventId);
                statement.setLong(2, from);
                statement.setLong(3, to);
                statement.setInt(4, priority);
                statement.setTimestamp(5, Timestamp.from(at));
            });
    }

    boolean deleteWish(long eventId, long from, long to) {
        return update("DELETE FROM meeting_wish WHERE event_id = ? AND from_registration_id = ? AND to_registration_id = ?", statement -> {
            statement.setLong(1, eventId);
            statement.setLong(2, from);
            statement.setLong(3, to);
        }) == 1;
    }

    List<StoredWish> wishes(long eventId) {
        return list("SELECT from_registration_id, to_registration_id, priority FROM meeting_wish WHERE event_id = ? "
                + "ORDER BY created_at, from_registration_id, to_registration_id", statement -> statement.setLong(1, eventId),
            rows -> new StoredWish(rows.getLong(1), rows.getLong(2), rows.getInt(3)));
    }

    /** The event's schedule row, locked until the transaction ends: hand edits and builds of one event wait for each other. */
    Optional<ScheduleSummary> lockSchedule(long eventId) {
        return schedule(eventId, " FOR UPDATE");
    }

    Optional<ScheduleSummary> schedule(long eventId) {
        return schedule(eventId, "");
    }

    private Optional<ScheduleSummary> schedule(long eventId, String lock) {
        return list("SELECT slot_minutes, breaks, built_at, wished_pairs, satisfied, upper_bound, min_per_supplier, median_per_supplier "
                + "FROM meeting_schedule WHERE event_id = ?" + lock, statement -> statement.setLong(1, eventId),
            rows -> new ScheduleSummary(rows.getInt(1), rows.getString(2), rows.getTimestamp(3).toInstant(), rows.getInt(4), rows.getInt(5),
                rows.getInt(6), rows.getInt(7), rows.getBigDecimal(8).doubleValue())).stream().findFirst();
    }

    /** Replaces the event's schedule (its slots and meetings go with it). */
    void replaceSchedule(long eventId, ScheduleSummary summary, List<Slot> slots, List<Appointment> appointments) {
        update("DELETE FROM meeting_schedule WHERE event_id = ?", statement -> statement.setLong(1, eventId));
        update("INSERT INTO meeting_schedule (event_id, slot_minutes, breaks, built_at, wished_pairs, satisfied, upper_bound, "
            + "min_per_supplier, median_per_supplier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                statement.setLong(1, eventId);
                statement.setInt(2, summary.slotMinutes());
                statement.setString(3, summary.breaks());
                statement.setTimestamp(4, Timestamp.from(summary.builtAt()));
                statement.setInt(5, summary.wishedPairs());
                statement.setInt(6, summary.satisfied());
                statement.setInt(7, summary.upperBound());
                statement.setInt(8, summary.minPerSupplier());
                statement.setBigDecimal(9, BigDecimal.valueOf(summary.medianPerSupplier()));
            });
        jdbc.prepareStatement("INSERT INTO meeting_slot (event_id, number, starts_at, ends_at) VALUES (?, ?, ?, ?)", statement -> {
            for (Slot slot : slots) {
                statement.setLong(1, eventId);
                statement.setInt(2, slot.number());
                statement.setTimestamp(3, Timestamp.from(slot.startsAt()));
                statement.setTimestamp(4, Timestamp.from(slot.endsAt()));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("INSERT INTO meeting_appointment (event_id, slot_number, buyer_registration_id, supplier_registration_id) "
            + "VALUES (?, ?, ?, ?)", statement -> {
                for (Appointment appointment : appointments) {
                    statement.setLong(1, eventId);
                    statement.setInt(2, appointment.slot());
                    statement.setLong(3, appointment.buyer());
                    statement.setLong(4, appointment.supplier());
                    statement.addBatch();
                }
                return statement.executeBatch();
            });
    }

    List<Slot> slots(long eventId) {
        return list("SELECT number, starts_at, ends_at FROM meeting_slot WHERE event_id = ? ORDER BY number", statement -> statement.setLong(1, eventId),
            rows -> new Slot(rows.getInt(1), rows.getTimestamp(2).toInstant(), rows.getTimestamp(3).toInstant()));
    }

    List<Appointment> appointments(long eventId) {
        return list("SELECT slot_number, buyer_registration_id, supplier_registration_id, journal_logged_at FROM meeting_appointment "
                + "WHERE event_id = ? ORDER BY slot_number, buyer_registration_id", statement -> statement.setLong(1, eventId),
            rows -> {
                Timestamp logged = rows.getTimestamp(4);
                return new Appointment(rows.getInt(1), rows.getLong(2), rows.getLong(3), logged == null ? null : logged.toInstant());
            });
    }

    void insertAppointment(long eventId, int slot, long buyer, long supplier) {
        update("INSERT INTO meeting_appointment (event_id, slot_number, buyer_registration_id, supplier_registration_id) VALUES (?, ?, ?, ?)",
            statement -> {
                statement.setLong(1, eventId);
                statement.setInt(2, slot);
                statement.setLong(3, buyer);
                statement.setLong(4, supplier);
            });
    }

    boolean deleteAppointment(long eventId, int slot, long buyer) {
        return update("DELETE FROM meeting_appointment WHERE event_id = ? AND slot_number = ? AND buyer_registration_id = ?", statement -> {
            statement.setLong(1, eventId);
            statement.setInt(2, slot);
            statement.setLong(3, buyer);
        }) == 1;
    }

    void markLogged(long eventId, int slot, long buyer, Instant at) {
        update("UPDATE meeting_appointment SET journal_logged_at = ? WHERE event_id = ? AND slot_number = ? AND buyer_registration_id = ?",
            statement -> {
                statement.setTimestamp(1, Timestamp.from(at));
                statement.setLong(2, eventId);
                statement.setInt(3, slot);
                statement.setLong(4, buyer);
            });
    }
}
