package fr.vivier.programming;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The programming tables, in plain SQL (arrays for sectors, CPV codes, places and analysed terms). */
@Singleton
class ProgrammingRepository {
    private static final String LINE_COLUMNS = """
        id, year, reference, object, description, direction, sectors, cpv_codes, estimated_amount, expected_quarter,
        expected_month, procedure, nature, places, social_clause, social_criterion, reservation, environmental_clause,
        environmental_criterion, environmental_themes, variants, innovative, contact, status, consultation_url, published,
        published_at, created_at, updated_at""";

    private final JdbcOperations jdbc;

    ProgrammingRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What a line stores besides the input: its analysed text and the area codes its places touch. */
    record Derived(List<String> searchTerms, Set<String> areaCodes) { }

    long insert(LineInput input, Derived derived, LineStatus status, Instant now) {
        long id = jdbc.prepareStatement("INSERT INTO programming_line (year, reference, object, description, direction, sectors, "
            + "cpv_codes, estimated_amount, expected_quarter, expected_month, procedure, nature, places, social_clause, "
            + "social_criterion, reservation, environmental_clause, environmental_criterion, environmental_themes, variants, "
            + "innovative, contact, area_codes, search_terms, status, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", statement -> {
                int next = bindInput(statement, input, derived, 1);
                statement.setString(next++, status.name());
                statement.setTimestamp(next++, Timestamp.from(now));
                statement.setTimestamp(next, Timestamp.from(now));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
        insertLots(id, input.lots());
        return id;
    }

    void update(long id, LineInput input, Derived derived, Instant now) {
        jdbc.prepareStatement("UPDATE programming_line SET year = ?, reference = ?, object = ?, description = ?, direction = ?, "
            + "sectors = ?, cpv_codes = ?, estimated_amount = ?, expected_quarter = ?, expected_month = ?, procedure = ?, nature = ?, "
            + "places = ?, social_clause = ?, social_criterion = ?, reservation = ?, environmental_clause = ?, "
            + "environmental_criterion = ?, environmental_themes = ?, variants = ?, innovative = ?, contact = ?, area_codes = ?, "
            + "search_terms = ?, updated_at = ? WHERE id = ?", statement -> {
                int next = bindInput(statement, input, derived, 1);
                statement.setTimestamp(next++, Timestamp.from(now));
                statement.setLong(next, id);
                return statement.executeUpdate();
            });
        replaceLots(id, input.lots());
    }

    /** Lots keep their ids when their number stays (interests point at them); extra ones go. */
    private void replaceLots(long lineId, List<LineInput.LotInput> lots) {
        jdbc.prepareStatement("DELETE FROM programming_lot WHERE line_id = ? AND number > ?", statement -> {
            statement.setLong(1, lineId);
            statement.setInt(2, lots.size());
            return statement.executeUpdate();
        });
        jdbc.prepareStatement("""
            INSERT INTO programming_lot (line_id, number, object, sectors, estimated_amount) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (line_id, number) DO UPDATE SET object = EXCLUDED.object, sectors = EXCLUDED.sectors,
              estimated_amount = EXCLUDED.estimated_amount""", statement -> bindLots(statement, lineId, lots));
    }

    private void insertLots(long lineId, List<LineInput.LotInput> lots) {
        jdbc.prepareStatement("INSERT INTO programming_lot (line_id, number, object, sectors, estimated_amount) VALUES (?, ?, ?, ?, ?)",
            statement -> bindLots(statement, lineId, lots));
    }

    private static int bindLots(PreparedStatement statement, long lineId, List<LineInput.LotInput> lots) throws SQLException {
        int number = 1;
        for (LineInput.LotInput lot : lots) {
            statement.setLong(1, lineId);
            statement.setInt(2, number++);
            statement.setString(3, lot.object());
            statement.setArray(4, texts(statement.getConnection(), lot.sectors()));
            statement.setBigDecimal(5, lot.estimatedAmount());
            statement.addBatch();
        }
        if (!lots.isEmpty()) {
            statement.executeBatch();
        }
        return lots.size();
    }

    private static int bindInput(PreparedStatement statement, LineInput input, Derived derived, int first) throws SQLException {
        Connection connection = statement.getConnection();
        int i = first;
        statement.setInt(i++, input.year());
        statement.setString(i++, input.reference());
        statement.setString(i++, input.object());
        statement.setString(i++, input.description());
        statement.setString(i++, input.direction());
        statement.setArray(i++, texts(connection, input.sectors()));
        statement.setArray(i++, texts(connection, input.cpvCodes()));
        statement.setBigDecimal(i++, input.estimatedAmount());
        statement.setInt(i++, input.expectedQuarter());
        if (input.expectedMonth() == null) {
            statement.setNull(i++, Types.SMALLINT);
        } else {
            statement.setInt(i++, input.expectedMonth());
        }
        statement.setString(i++, input.procedure().name());
        statement.setString(i++, input.nature().name());
        statement.setArray(i++, texts(connection, input.places().stream().map(Place::stored).toList()));
        statement.setBoolean(i++, input.socialClause());
        statement.setBoolean(i++, input.socialCriterion());
        statement.setString(i++, input.reservation().name());
        statement.setBoolean(i++, input.environmentalClause());
        statement.setBoolean(i++, input.environmentalCriterion());
        statement.setString(i++, input.environmentalThemes());
        statement.setBoolean(i++, input.variants());
        statement.setBoolean(i++, input.innovative());
        statement.setString(i++, input.contact());
        statement.setArray(i++, texts(connection, derived.areaCodes()));
        statement.setArray(i++, texts(connection, derived.searchTerms()));
        return i;
    }

    Optional<ProgrammingLine> find(long id) {
        return lines(List.of(id)).stream().findFirst();
    }

    Optional<Long> idOf(int year, String reference) {
        return jdbc.prepareStatement("SELECT id FROM programming_line WHERE year = ? AND reference = ?", statement -> {
            statement.setInt(1, year);
            statement.setString(2, reference);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    /** The lines among {@code ids} with their lots, in the order of the ids. */
    List<ProgrammingLine> lines(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ProgrammingLine.Lot>> lots = lots(ids);
        Map<Long, ProgrammingLine> byId = jdbc.prepareStatement("SELECT " + LINE_COLUMNS + " FROM programming_line WHERE id = ANY (?)",
            statement -> {
                statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids.toArray()));
                Map<Long, ProgrammingLine> found = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ProgrammingLine line = line(rows, lots.getOrDefault(rows.getLong(1), List.of()));
                        found.put(line.id(), line);
                    }
                }
                return found;
            });
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private Map<Long, List<ProgrammingLine.Lot>> lots(List<Long> lineIds) {
        return jdbc.prepareStatement("""
            SELECT line_id, id, number, object, sectors, estimated_amount FROM programming_lot
            WHERE line_id = ANY (?) ORDER BY line_id, number""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", lineIds.toArray()));
            Map<Long, List<ProgrammingLine.Lot>> byLine = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byLine.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new ProgrammingLine.Lot(rows.getLong(2),
                        rows.getInt(3), rows.getString(4), strings(rows.getArray(5)), rows.getBigDecimal(6)));
                }
            }
            return byLine;
        });
    }

    private static ProgrammingLine line(ResultSet rows, List<ProgrammingLine.Lot> lots) throws SQLException {
        Timestamp publishedAt = rows.getTimestamp("published_at");
        return new ProgrammingLine(rows.getLong("id"), rows.getInt("year"), rows.getString("reference"), rows.getString("object"),
            rows.getString("description"), rows.getString("direction"), strings(rows.getArray("sectors")),
            strings(rows.getArray("cpv_codes")), rows.getBigDecimal("estimated_amount"), rows.getInt("expected_quarter"),
            (Integer) rows.getObject("expected_month", Integer.class), Vocabulary.Procedure.valueOf(rows.getString("procedure")),
            Vocabulary.Nature.valueOf(rows.getString("nature")),
            strings(rows.getArray("places")).stream().map(Place::fromStored).toList(), rows.getBoolean("social_clause"),
            rows.getBoolean("social_criterion"), Vocabulary.Reservation.valueOf(rows.getString("reservation")),
            rows.getBoolean("environmental_clause"), rows.getBoolean("environmental_criterion"),
            rows.getString("environmental_themes"), rows.getBoolean("variants"), rows.getBoolean("innovative"),
            rows.getString("contact"), LineStatus.valueOf(rows.getString("status")), rows.getString("consultation_url"),
            rows.getBoolean("published"), publishedAt == null ? null : publishedAt.toInstant(),
            rows.getTimestamp("created_at").toInstant(), rows.getTimestamp("updated_at").toInstant(), lots);
    }

    void changeStatus(long id, LineStatus from, LineStatus to, @Nullable String consultationUrl, @Nullable Long accountId,
                      String actor, Instant now) {
        jdbc.prepareStatement("UPDATE programming_line SET status = ?, consultation_url = COALESCE(?, consultation_url), "
            + "updated_at = ? WHERE id = ?", statement -> {
                statement.setString(1, to.name());
                statement.setString(2, consultationUrl);
                statement.setTimestamp(3, Timestamp.from(now));
                statement.setLong(4, id);
                return statement.executeUpdate();
            });
        recordStatus(id, from, to, accountId, actor, now);
    }

    void recordStatus(long id, @Nullable LineStatus from, LineStatus to, @Nullable Long accountId, String actor, Instant now) {
        jdbc.prepareStatement("INSERT INTO programming_status_change (line_id, from_status, to_status, changed_at, account_id, actor) "
            + "VALUES (?, ?, ?, ?, ?, ?)", statement -> {
                statement.setLong(1, id);
                statement.setString(2, from == null ? null : from.name());
                statement.setString(3, to.name());
                statement.setTimestamp(4, Timestamp.from(now));
                statement.setObject(5, accountId, Types.BIGINT);
                statement.setString(6, actor);
                return statement.executeUpdate();
            });
    }

    record StatusChange(@Nullable LineStatus from, LineStatus to, Instant at, String actor) {
        public String atFrench() {
            return fr.vivier.web.FrenchFormat.dateTime(at);
        }
    }

    List<StatusChange> statusChanges(long lineId) {
        return jdbc.prepareStatement("SELECT from_status, to_status, changed_at, actor FROM programming_status_change "
            + "WHERE line_id = ? ORDER BY changed_at, id", statement -> {
                statement.setLong(1, lineId);
                List<StatusChange> changes = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String from = rows.getString(1);
                        changes.add(new StatusChange(from == null ? null : LineStatus.valueOf(from), LineStatus.valueOf(rows.getString(2)),
                            rows.getTimestamp(3).toInstant(), rows.getString(4)));
                    }
                }
                return changes;
            });
    }

    /** Publishing keeps the first publication date; unpublishing keeps it too (the line was public from then). */
    void setPublished(long id, boolean published, Instant now) {
        jdbc.prepareStatement("UPDATE programming_line SET published = ?, published_at = CASE WHEN ? THEN COALESCE(published_at, ?) "
            + "ELSE published_at END, updated_at = ? WHERE id = ?", statement -> {
                statement.setBoolean(1, published);
                statement.setBoolean(2, published);
                statement.setTimestamp(3, Timestamp.from(now));
                statement.setTimestamp(4, Timestamp.from(now));
                statement.setLong(5, id);
                return statement.executeUpdate();
            });
    }

    /** Lines programmed for {@code year}, and among them those that reached « lancée » at some point. */
    record ProgrammedVsLaunched(long programmed, long launched) { }

    ProgrammedVsLaunched programmedVsLaunched(int year) {
        return jdbc.prepareStatement("""
            SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM programming_status_change c
              WHERE c.line_id = l.id AND c.to_status = 'LAUNCHED'))
            FROM programming_line l WHERE l.year = ?""", statement -> {
            statement.setInt(1, year);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new ProgrammedVsLaunched(rows.getLong(1), rows.getLong(2));
            }
        });
    }

    /** The ids of the lines matching a filter written as SQL conditions over the alias l, in the page order. */
    List<Long> ids(String where, List<Object> parameters, String orderBy) {
        return jdbc.prepareStatement("SELECT l.id FROM programming_line l WHERE " + where + " ORDER BY " + orderBy, statement -> {
            bind(statement, parameters);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    /** The facts the public filters count, for every line of a filter. */
    record Facts(long id, int quarter, BigDecimal amount, Vocabulary.Reservation reservation, List<String> sectors,
                 boolean social, boolean environmental) { }

    List<Facts> facts(String where, List<Object> parameters, String orderBy) {
        return jdbc.prepareStatement("""
            SELECT l.id, l.expected_quarter, l.estimated_amount, l.reservation,
              ARRAY(SELECT DISTINCT s FROM unnest(l.sectors || COALESCE((SELECT array_agg(x) FROM programming_lot o,
                unnest(o.sectors) x WHERE o.line_id = l.id), '{}')) s),
              l.social_clause OR l.social_criterion OR l.reservation <> 'NONE', l.environmental_clause OR l.environmental_criterion
            FROM programming_line l WHERE\s""" + where + " ORDER BY " + orderBy, statement -> {
            bind(statement, parameters);
            List<Facts> facts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    facts.add(new Facts(rows.getLong(1), rows.getInt(2), rows.getBigDecimal(3),
                        Vocabulary.Reservation.valueOf(rows.getString(4)), strings(rows.getArray(5)), rows.getBoolean(6),
                        rows.getBoolean(7)));
                }
            }
            return facts;
        });
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Collection<?> values) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("text", values.toArray()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static Array texts(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(Object::toString).toList();
    }
}
