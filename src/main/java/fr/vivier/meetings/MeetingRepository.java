package fr.vivier.meetings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Events and registrations (V15). Call inside a transaction; {@link #lockEvent} serialises registrations to one event. */
@Singleton
class MeetingRepository {
    private static final String EVENT_COLUMNS = "id, kind, title, description, starts_at, ends_at, address, commune_code, online_url, "
        + "capacity, registration_deadline, audience_sectors, audience_kinds, audience_local, programming_line_ids, organiser, "
        + "created_by, created_at, updated_at";
    private static final String REGISTRATION_COLUMNS = "id, event_id, participant, supplier_id, siret, account_id, organisation, "
        + "person_name, email, status, registered_at, cancelled_at, reminded_at, attendance, late_arrival";

    private final JdbcOperations jdbc;

    MeetingRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** An event with its registrations counted. */
    record EventCounts(MeetingEvent event, int confirmed, int waiting, int present, int absent) {
        int remaining() {
            return Math.max(0, event.capacity() - confirmed);
        }
    }

    long insertEvent(MeetingEvent event) {
        return jdbc.prepareStatement("INSERT INTO meeting_event (kind, title, description, starts_at, ends_at, address, commune_code, "
            + "online_url, capacity, registration_deadline, audience_sectors, audience_kinds, audience_local, programming_line_ids, "
            + "organiser, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            statement -> {
                int i = bindEvent(statement, event);
                statement.setLong(i++, event.createdBy());
                statement.setTimestamp(i++, Timestamp.from(event.createdAt()));
                statement.setTimestamp(i, Timestamp.from(event.updatedAt()));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
    }

    void updateEvent(MeetingEvent event) {
        jdbc.prepareStatement("UPDATE meeting_event SET kind = ?, title = ?, description = ?, starts_at = ?, ends_at = ?, address = ?, "
            + "commune_code = ?, online_url = ?, capacity = ?, registration_deadline = ?, audience_sectors = ?, audience_kinds = ?, "
            + "audience_local = ?, programming_line_ids = ?, organiser = ?, updated_at = ? WHERE id = ?", statement -> {
                int i = bindEvent(statement, event);
                statement.setTimestamp(i++, Timestamp.from(event.updatedAt()));
                statement.setLong(i, event.id());
                return statement.executeUpdate();
            });
    }

    private static int bindEvent(PreparedStatement statement, MeetingEvent event) throws SQLException {
        Connection connection = statement.getConnection();
        int i = 1;
        statement.setString(i++, event.kind().name());
        statement.setString(i++, event.title());
        statement.setString(i++, event.description());
        statement.setTimestamp(i++, Timestamp.from(event.startsAt()));
        statement.setTimestamp(i++, Timestamp.from(event.endsAt()));
        statement.setString(i++, event.address());
        statement.setString(i++, event.communeCode());
        statement.setString(i++, event.onlineUrl());
        statement.setInt(i++, event.capacity());
        statement.setDate(i++, Date.valueOf(event.registrationDeadline()));
        statement.setArray(i++, connection.createArrayOf("text", event.audienceSectors().toArray()));
        statement.setArray(i++, connection.createArrayOf("text", event.audienceKinds().toArray()));
        statement.setBoolean(i++, event.audienceLocal());
        statement.setArray(i++, connection.createArrayOf("bigint", event.programmingLineIds().toArray()));
        statement.setString(i++, event.organiser());
        return i;
    }

    Optional<MeetingEvent> findEvent(long id) {
        return events("SELECT " + EVENT_COLUMNS + " FROM meeting_event WHERE id = ?", List.of(id)).stream().findFirst();
    }

    /** The event, locked until the transaction ends: registrations to it wait for each other, so seats are counted right. */
    Optional<MeetingEvent> lockEvent(long id) {
        return events("SELECT " + EVENT_COLUMNS + " FROM meeting_event WHERE id = ? FOR UPDATE", List.of(id)).stream().findFirst();
    }

    void deleteEvent(long id) {
        jdbc.prepareStatement("DELETE FROM meeting_event WHERE id = ?", statement -> {
            statement.setLong(1, id);
            return statement.executeUpdate();
        });
    }

    /** Events not finished at {@code now}, soonest first. */
    List<MeetingEvent> upcoming(Instant now, int limit) {
        return events("SELECT " + EVENT_COLUMNS + " FROM meeting_event WHERE ends_at > ? ORDER BY starts_at, id LIMIT ?",
            List.of(Timestamp.from(now), limit));
    }

    long countEvents() {
        return jdbc.prepareStatement("SELECT count(*) FROM meeting_event", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Every event, the most recent first, with its counts. */
    List<EventCounts> eventsWithCounts(int offset, int limit) {
        return withCounts(events("SELECT " + EVENT_COLUMNS + " FROM meeting_event ORDER BY starts_at DESC, id DESC OFFSET ? LIMIT ?",
            List.of(offset, limit)));
    }

    /** Events that started in [from, to), with their counts. */
    List<EventCounts> eventsBetween(Instant from, Instant to) {
        return withCounts(events("SELECT " + EVENT_COLUMNS + " FROM meeting_event WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
            List.of(Timestamp.from(from), Timestamp.from(to))));
    }

    EventCounts counts(MeetingEvent event) {
        return withCounts(List.of(event)).get(0);
    }

    private List<EventCounts> withCounts(List<MeetingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Long[] ids = events.stream().map(MeetingEvent::id).toArray(Long[]::new);
        java.util.Map<Long, int[]> counts = new java.util.HashMap<>();
        jdbc.prepareStatement("SELECT event_id, count(*) FILTER (WHERE status = 'CONFIRMED'), count(*) FILTER (WHERE status = 'WAITING'), "
            + "count(*) FILTER (WHERE status = 'CONFIRMED' AND attendance = 'PRESENT'), "
            + "count(*) FILTER (WHERE status = 'CONFIRMED' AND attendance = 'ABSENT') "
            + "FROM meeting_registration WHERE event_id = ANY (?) GROUP BY event_id", statement -> {
                statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getLong(1), new int[] {rows.getInt(2), rows.getInt(3), rows.getInt(4), rows.getInt(5)});
                    }
                }
                return null;
            });
        return events.stream().map(event -> {
            int[] c = counts.getOrDefault(event.id(), new int[4]);
            return new EventCounts(event, c[0], c[1], c[2], c[3]);
        }).toList();
    }

    private List<MeetingEvent> events(String sql, List<Object> parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            List<MeetingEvent> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(event(rows));
                }
            }
            return found;
        });
    }

    private static MeetingEvent event(ResultSet rows) throws SQLException {
        return new MeetingEvent(rows.getLong("id"), EventKind.valueOf(rows.getString("kind")), rows.getString("title"),
            rows.getString("description"), rows.getTimestamp("starts_at").toInstant(), rows.getTimestamp("ends_at").toInstant(),
            rows.getString("address"), rows.getString("commune_code"), rows.getString("online_url"), rows.getInt("capacity"),
            rows.getDate("registration_deadline").toLocalDate(), strings(rows.getArray("audience_sectors")),
            strings(rows.getArray("audience_kinds")), rows.getBoolean("audience_local"), longs(rows.getArray("programming_line_ids")),
            rows.getString("organiser"), rows.getLong("created_by"), rows.getTimestamp("created_at").toInstant(),
            rows.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    Registration insertRegistration(Registration registration) {
        long id = jdbc.prepareStatement("INSERT INTO meeting_registration (event_id, participant, supplier_id, siret, account_id, "
            + "organisation, person_name, email, status, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            statement -> {
                bind(statement, java.util.Arrays.asList(registration.eventId(), registration.participant().name(), registration.supplierId(),
                    registration.siret(), registration.accountId(), registration.organisation(), registration.personName(),
                    registration.email(), registration.status().name(), Timestamp.from(registration.registeredAt())));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
        return findRegistration(id).orElseThrow();
    }

    Optional<Registration> findRegistration(long id) {
        return registrations("SELECT " + REGISTRATION_COLUMNS + " FROM meeting_registration WHERE id = ?", List.of(id)).stream().findFirst();
    }

    /** Registrations of an event: confirmed ones, then the waiting list in its order, then cancelled ones. */
    List<Registration> registrations(long eventId) {
        return registrations("SELECT " + REGISTRATION_COLUMNS + " FROM meeting_registration WHERE event_id = ? "
            + "ORDER BY CASE status WHEN 'CONFIRMED' THEN 0 WHEN 'WAITING' THEN 1 ELSE 2 END, registered_at, id", List.of(eventId));
    }

    /** The registration not cancelled of this SIRET or this account to the event, if any. */
    Optional<Registration> active(long eventId, @Nullable String siret, @Nullable Long accountId) {
        return registrations("SELECT " + REGISTRATION_COLUMNS + " FROM meeting_registration WHERE event_id = ? AND status <> 'CANCELLED' "
            + "AND (siret = ? OR account_id = ?)", java.util.Arrays.asList(eventId, siret, accountId)).stream().findFirst();
    }

    int countConfirmed(long eventId) {
        return jdbc.prepareStatement("SELECT count(*) FROM meeting_registration WHERE event_id = ? AND status = 'CONFIRMED'", statement -> {
            statement.setLong(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    Optional<Registration> firstWaiting(long eventId) {
        return registrations("SELECT " + REGISTRATION_COLUMNS + " FROM meeting_registration WHERE event_id = ? AND status = 'WAITING' "
            + "ORDER BY registered_at, id LIMIT 1", List.of(eventId)).stream().findFirst();
    }

    void setStatus(long registrationId, RegistrationStatus status, @Nullable Instant cancelledAt) {
        jdbc.prepareStatement("UPDATE meeting_registration SET status = ?, cancelled_at = ? WHERE id = ?", statement -> {
            bind(statement, java.util.Arrays.asList(status.name(), cancelledAt == null ? null : Timestamp.from(cancelledAt), registrationId));
            return statement.executeUpdate();
        });
    }

    /** Confirmed registrations not reminded yet to events starting in [from, to), locked (SKIP LOCKED) for this instance. */
    List<Registration> lockDueReminders(Instant from, Instant to, int limit) {
        return registrations("SELECT " + prefixed("r") + " FROM meeting_registration r JOIN meeting_event e ON e.id = r.event_id "
            + "WHERE r.status = 'CONFIRMED' AND r.reminded_at IS NULL AND e.starts_at >= ? AND e.starts_at < ? "
            + "ORDER BY r.id LIMIT ? FOR UPDATE OF r SKIP LOCKED", List.of(Timestamp.from(from), Timestamp.from(to), limit));
    }

    void markReminded(long registrationId, Instant at) {
        jdbc.prepareStatement("UPDATE meeting_registration SET reminded_at = ? WHERE id = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setLong(2, registrationId);
            return statement.executeUpdate();
        });
    }

    void setAttendance(long registrationId, @Nullable Attendance attendance, boolean lateArrival) {
        jdbc.prepareStatement("UPDATE meeting_registration SET attendance = ?, late_arrival = ? WHERE id = ?", statement -> {
            bind(statement, java.util.Arrays.asList(attendance == null ? null : attendance.name(), lateArrival, registrationId));
            return statement.executeUpdate();
        });
    }

    /** Records an invitation; false when the structure was already invited to the event. */
    boolean recordInvitation(long eventId, long supplierId, long sentBy, Instant at) {
        return jdbc.prepareStatement("INSERT INTO meeting_invitation (event_id, supplier_id, sent_at, sent_by) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING", statement -> {
                statement.setLong(1, eventId);
                statement.setLong(2, supplierId);
                statement.setTimestamp(3, Timestamp.from(at));
                statement.setLong(4, sentBy);
                return statement.executeUpdate() == 1;
            });
    }

    boolean recordBuyerInvitation(long eventId, long accountId, String direction, long sentBy, Instant at) {
        return jdbc.prepareStatement("INSERT INTO meeting_buyer_invitation (event_id, account_id, direction, sent_at, sent_by) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", statement -> {
                statement.setLong(1, eventId);
                statement.setLong(2, accountId);
                statement.setString(3, direction);
                statement.setTimestamp(4, Timestamp.from(at));
                statement.setLong(5, sentBy);
                return statement.executeUpdate() == 1;
            });
    }

    int countBuyerInvitations(long eventId) {
        return jdbc.prepareStatement("SELECT count(*) FROM meeting_buyer_invitation WHERE event_id = ?", statement -> {
            statement.setLong(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    int countInvitations(long eventId) {
        return jdbc.prepareStatement("SELECT count(*) FROM meeting_invitation WHERE event_id = ?", statement -> {
            statement.setLong(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private static String prefixed(String alias) {
        return Arrays.stream(REGISTRATION_COLUMNS.split(", ")).map(column -> alias + "." + column).reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    private List<Registration> registrations(String sql, List<Object> parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            List<Registration> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(registration(rows));
                }
            }
            return found;
        });
    }

    private static Registration registration(ResultSet rows) throws SQLException {
        String attendance = rows.getString("attendance");
        return new Registration(rows.getLong("id"), rows.getLong("event_id"), Participant.valueOf(rows.getString("participant")),
            (Long) rows.getObject("supplier_id"), rows.getString("siret"), (Long) rows.getObject("account_id"), rows.getString("organisation"),
            rows.getString("person_name"), rows.getString("email"), RegistrationStatus.valueOf(rows.getString("status")),
            rows.getTimestamp("registered_at").toInstant(), instant(rows.getTimestamp("cancelled_at")),
            instant(rows.getTimestamp("reminded_at")), attendance == null ? null : Attendance.valueOf(attendance),
            rows.getBoolean("late_arrival"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
