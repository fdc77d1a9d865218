package fr.vivier.purchases;

import fr.vivier.purchases.PurchaseInput.Party;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The purchase tables in plain SQL: written a batch of records at a time, read page by page or streamed by year. */
@Singleton
class PurchaseRepository {
    private static final String COLUMNS = """
        buyer_key, reference, source, object, direction, category, nature, procedure, price_form, amount, initial_amount,
        notified_on, duration_months, initial_duration_months, cpv, place_code, place_type, group_kind, subcontracting_declared,
        social_considerations, reservation, environmental_considerations, environmental_themes, variants, functional_specification,
        advance, advance_rate, innovative, label_required, lifecycle_cost_criterion, reparability_criterion, equality_criterion,
        equality_plan, citizen_participation, group_purchase, reuse_share, insertion_hours_planned, insertion_hours_achieved,
        positive_exits, offers_received, programming_line_id, shortlist_id, sourcing_entry_ids, content_hash""";
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;
    /** Rows per multi-row insert at most (fewer when a row has many columns). */
    private static final int INSERT_CHUNK = 500;

    private final JdbcOperations jdbc;

    PurchaseRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A saved record's id and content hash, by its key. */
    record Existing(long id, String hash) { }

    /** The frozen attributes of a party, to keep them when a record is updated. */
    record FrozenParty(String role, String identifier, PurchaseRow.Party party) { }

    Map<String, Existing> existing(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT id, content_hash, buyer_key, reference FROM purchase "
            + "WHERE (buyer_key, reference) IN (SELECT * FROM unnest(?::text[], ?::text[]))", statement -> {
                List<String> buyerKeys = new ArrayList<>();
                List<String> references = new ArrayList<>();
                for (String key : keys) {
                    int slash = key.indexOf('/');
                    buyerKeys.add(key.substring(0, slash));
                    references.add(key.substring(slash + 1));
                }
                statement.setArray(1, statement.getConnection().createArrayOf("text", buyerKeys.toArray()));
                statement.setArray(2, statement.getConnection().createArrayOf("text", references.toArray()));
                Map<String, Existing> found = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(3) + "/" + rows.getString(4), new Existing(rows.getLong(1), rows.getString(2)));
                    }
                }
                return found;
            });
    }

    boolean referenceTaken(String buyerKey, String reference) {
        return !existing(List.of(buyerKey + "/" + reference)).isEmpty();
    }

    /**
     * Inserts new records, their ids taken from the sequence in one call first (one statement per chunk of records instead
     * of one INSERT … RETURNING per record: the DECP import's time went there). Returns the ids in order.
     */
    List<Long> insert(List<PurchaseInput> inputs, List<String> hashes, @Nullable Long accountId, Instant now) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        List<Long> ids = newIds(inputs.size());
        List<Integer> positions = java.util.stream.IntStream.range(0, inputs.size()).boxed().toList();
        insertRows("purchase (id, " + COLUMNS + ", created_by, created_at, updated_at)", COLUMN_COUNT + 4, positions, (statement, next, i) -> {
            statement.setLong(next++, ids.get(i));
            next = bind(statement, next, inputs.get(i), hashes.get(i));
            setLong(statement, next++, accountId);
            statement.setTimestamp(next++, Timestamp.from(now));
            statement.setTimestamp(next++, Timestamp.from(now));
            return next;
        });
        return ids;
    }

    /** Binds one row's parameters from {@code first} on; returns the next parameter's index. */
    @FunctionalInterface
    private interface RowBinder<T> {
        int bind(PreparedStatement statement, int first, T row) throws SQLException;
    }

    /**
     * Writes rows with one multi-row INSERT per chunk: one statement for the server to run instead of one per row, and
     * chunks small enough to stay under PostgreSQL's 32 767 parameters per statement.
     */
    private <T> void insertRows(String tableAndColumns, int columnCount, List<T> rows, RowBinder<T> binder) {
        int chunk = Math.min(INSERT_CHUNK, 30_000 / columnCount);
        String values = "(" + String.join(", ", Collections.nCopies(columnCount, "?")) + ")";
        for (int from = 0; from < rows.size(); from += chunk) {
            List<T> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            jdbc.prepareStatement("INSERT INTO " + tableAndColumns + " VALUES " + String.join(", ", Collections.nCopies(part.size(), values)),
                statement -> {
                    int next = 1;
                    for (T row : part) {
                        next = binder.bind(statement, next, row);
                    }
                    return statement.executeUpdate();
                });
        }
    }

    private List<Long> newIds(int count) {
        return jdbc.prepareStatement("SELECT nextval(pg_get_serial_sequence('purchase', 'id')) FROM generate_series(1, ?)", statement -> {
            statement.setInt(1, count);
            List<Long> ids = new ArrayList<>(count);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    /** Rewrites changed records (one batch), and drops their parties and modifications, written again by the caller. */
    void update(List<Long> ids, List<PurchaseInput> inputs, List<String> hashes, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        String assignments = String.join(", ", Arrays.stream(COLUMNS.split(",")).map(column -> column.strip() + " = ?").toList());
        jdbc.prepareStatement("UPDATE purchase SET " + assignments + ", updated_at = ? WHERE id = ?", statement -> {
            for (int i = 0; i < ids.size(); i++) {
                int next = bind(statement, 1, inputs.get(i), hashes.get(i));
                statement.setTimestamp(next++, Timestamp.from(now));
                statement.setLong(next, ids.get(i));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        for (String table : List.of("purchase_party", "purchase_modification")) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE purchase_id = ANY (?)", statement -> {
                statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids.toArray()));
                return statement.executeUpdate();
            });
        }
    }

    /** The parties of these records as saved, by record id. */
    Map<Long, List<FrozenParty>> frozenParties(Collection<Long> purchaseIds) {
        Map<Long, List<FrozenParty>> byPurchase = new HashMap<>();
        if (purchaseIds.isEmpty()) {
            return byPurchase;
        }
        jdbc.prepareStatement("SELECT purchase_id, role, " + PARTY_COLUMNS + " FROM purchase_party WHERE purchase_id = ANY (?) "
            + "ORDER BY purchase_id, role, position", statement -> {
                statement.setArray(1, statement.getConnection().createArrayOf("bigint", purchaseIds.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        PurchaseRow.Party party = party(rows);
                        byPurchase.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                            .add(new FrozenParty(rows.getString(2), party.identifier(), party));
                    }
                }
                return null;
            });
        return byPurchase;
    }

    /** A party to write: the record's, its role and position, and its frozen attributes. */
    record PartyRow(long purchaseId, String role, int position, Party party, PurchaseRow.Party frozen) { }

    void insertParties(List<PartyRow> parties) {
        insertRows("purchase_party (purchase_id, role, position, identifier, identifier_type, siren, matched_by, supplier_id, name, kind, "
            + "family, size, ess, on_territory, subcontract_amount, frozen_on)", 16, parties, (statement, i, row) -> {
                PurchaseRow.Party frozen = row.frozen();
                statement.setLong(i++, row.purchaseId());
                statement.setString(i++, row.role());
                statement.setInt(i++, row.position());
                statement.setString(i++, row.party().identifier());
                statement.setString(i++, row.party().type().label());
                statement.setString(i++, row.party().isSiret() ? row.party().identifier().substring(0, 9) : null);
                statement.setString(i++, frozen.matchedBy());
                setLong(statement, i++, frozen.supplierId());
                statement.setString(i++, frozen.name());
                statement.setString(i++, frozen.kind());
                statement.setString(i++, frozen.family());
                statement.setString(i++, frozen.size());
                setBoolean(statement, i++, frozen.ess());
                setBoolean(statement, i++, frozen.onTerritory());
                statement.setBigDecimal(i++, row.party().subcontractAmount());
                statement.setDate(i++, Date.valueOf(frozen.frozenOn()));
                return i;
            });
    }

    /** A modification to write, with the id of its record. */
    record ModificationRow(long purchaseId, PurchaseInput.Modification modification) { }

    void insertModifications(List<ModificationRow> modifications) {
        insertRows("purchase_modification (purchase_id, number, notified_on, amount, duration_months, holders)", 6, modifications,
            (statement, i, row) -> {
                PurchaseInput.Modification modification = row.modification();
                statement.setLong(i++, row.purchaseId());
                statement.setInt(i++, modification.number());
                statement.setDate(i++, Date.valueOf(modification.notifiedOn()));
                statement.setBigDecimal(i++, modification.amount());
                setInt(statement, i++, modification.durationMonths());
                statement.setArray(i++, statement.getConnection().createArrayOf("text",
                    modification.holders().stream().map(Party::identifier).toArray()));
                return i;
            });
    }

    /** Filters of the lists; null or empty means any. */
    record Filter(@Nullable Integer year, @Nullable String direction, @Nullable String procedure, @Nullable String source,
                  @Nullable String text) { }

    long count(Filter filter) {
        return jdbc.prepareStatement("SELECT count(*) FROM purchase p WHERE " + WHERE, statement -> {
            bindFilter(statement, filter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    List<PurchaseRow> page(Filter filter, int offset, int limit) {
        List<PurchaseRow> rows = new ArrayList<>();
        jdbc.prepareStatement("SELECT * FROM purchase p WHERE " + WHERE + " ORDER BY notified_on DESC, id DESC OFFSET ? LIMIT ?",
            statement -> {
                int next = bindFilter(statement, filter);
                statement.setInt(next++, offset);
                statement.setInt(next, limit);
                readRows(statement, rows::add);
                return null;
            });
        return withParties(rows);
    }

    List<PurchaseRow> find(Collection<Long> ids) {
        List<PurchaseRow> rows = new ArrayList<>();
        jdbc.prepareStatement("SELECT * FROM purchase p WHERE id = ANY (?) ORDER BY id", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids.toArray()));
            readRows(statement, rows::add);
            return null;
        });
        return withParties(rows);
    }

    /** Every record notified in {@code year}, a page of ids at a time (memory does not grow with the year). */
    void forEachOfYear(int year, Consumer<PurchaseRow> consumer) {
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = jdbc.prepareStatement("SELECT id FROM purchase WHERE notified_on >= ? AND notified_on < ? AND id > ? "
                + "ORDER BY id LIMIT 1000", statement -> {
                    statement.setDate(1, Date.valueOf(LocalDate.of(year, 1, 1)));
                    statement.setDate(2, Date.valueOf(LocalDate.of(year + 1, 1, 1)));
                    statement.setLong(3, from);
                    List<Long> found = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getLong(1));
                        }
                    }
                    return found;
                });
            if (ids.isEmpty()) {
                return;
            }
            find(ids).forEach(consumer);
            after = ids.get(ids.size() - 1);
        }
    }

    /** A holder not found in the directory, with how many records name it and their total. */
    record UnmatchedHolder(String identifier, String identifierType, long purchases, BigDecimal amount, LocalDate lastNotifiedOn) { }

    List<UnmatchedHolder> unmatchedHolders(int offset, int limit) {
        return jdbc.prepareStatement("""
            SELECT pp.identifier, pp.identifier_type, count(DISTINCT p.id), sum(p.amount), max(p.notified_on)
            FROM purchase_party pp JOIN purchase p ON p.id = pp.purchase_id
            WHERE pp.matched_by = 'NONE'
            GROUP BY pp.identifier, pp.identifier_type ORDER BY sum(p.amount) DESC, pp.identifier OFFSET ? LIMIT ?""", statement -> {
                statement.setInt(1, offset);
                statement.setInt(2, limit);
                List<UnmatchedHolder> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new UnmatchedHolder(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getBigDecimal(4),
                            rows.getDate(5).toLocalDate()));
                    }
                }
                return found;
            });
    }

    long unmatchedHolderCount() {
        return jdbc.prepareStatement("SELECT count(DISTINCT (identifier, identifier_type)) FROM purchase_party WHERE matched_by = 'NONE'",
            statement -> {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
    }

    /** A holder outside the directory as staff qualified it by hand. */
    record Qualification(String identifier, String name, String kind, String family, String size, boolean ess, boolean onTerritory) { }

    /** Saves the qualification (replacing an earlier one) and freezes it into the purchases naming the holder; returns how many. */
    int qualify(Qualification qualification, long accountId, Instant now) {
        jdbc.prepareStatement("""
            INSERT INTO holder_qualification (identifier, name, kind, family, size, ess, on_territory, qualified_by, qualified_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (identifier) DO UPDATE SET name = excluded.name, kind = excluded.kind, family = excluded.family, size = excluded.size,
              ess = excluded.ess, on_territory = excluded.on_territory, qualified_by = excluded.qualified_by, qualified_at = excluded.qualified_at""",
            statement -> {
                statement.setString(1, qualification.identifier());
                statement.setString(2, qualification.name());
                statement.setString(3, qualification.kind());
                statement.setString(4, qualification.family());
                statement.setString(5, qualification.size());
                statement.setBoolean(6, qualification.ess());
                statement.setBoolean(7, qualification.onTerritory());
                statement.setLong(8, accountId);
                statement.setTimestamp(9, Timestamp.from(now));
                return statement.executeUpdate();
            });
        return jdbc.prepareStatement("""
            UPDATE purchase_party SET matched_by = 'MANUAL', name = ?, kind = ?, family = ?, size = ?, ess = ?, on_territory = ?
            WHERE identifier = ? AND matched_by IN ('NONE', 'MANUAL')""", statement -> {
                statement.setString(1, qualification.name());
                statement.setString(2, qualification.kind());
                statement.setString(3, qualification.family());
                statement.setString(4, qualification.size());
                statement.setBoolean(5, qualification.ess());
                statement.setBoolean(6, qualification.onTerritory());
                statement.setString(7, qualification.identifier());
                return statement.executeUpdate();
            });
    }

    /** The qualifications by hand of these holders, by identifier. */
    Map<String, Qualification> qualifications(Collection<String> identifiers) {
        if (identifiers.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT identifier, name, kind, family, size, ess, on_territory FROM holder_qualification "
            + "WHERE identifier = ANY (?)", statement -> {
                statement.setArray(1, statement.getConnection().createArrayOf("text", identifiers.toArray()));
                Map<String, Qualification> found = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), new Qualification(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getBoolean(6), rows.getBoolean(7)));
                    }
                }
                return found;
            });
    }

    /** The holder of this identifier still to qualify, if a purchase names it. */
    Optional<UnmatchedHolder> unmatchedHolder(String identifier) {
        return jdbc.prepareStatement("""
            SELECT pp.identifier, min(pp.identifier_type), count(DISTINCT p.id), sum(p.amount), max(p.notified_on)
            FROM purchase_party pp JOIN purchase p ON p.id = pp.purchase_id
            WHERE pp.matched_by = 'NONE' AND pp.identifier = ? GROUP BY pp.identifier""", statement -> {
                statement.setString(1, identifier);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(new UnmatchedHolder(rows.getString(1), rows.getString(2), rows.getLong(3),
                        rows.getBigDecimal(4), rows.getDate(5).toLocalDate())) : Optional.<UnmatchedHolder>empty();
                }
            });
    }

    /** The year's totals the indicators start from: count and € HT, overall and by what the holders were. */
    PurchaseRecords.YearTotals totals(int year) {
        return jdbc.prepareStatement("""
            WITH p AS (
              SELECT p.*, EXISTS (SELECT 1 FROM purchase_party h WHERE h.purchase_id = p.id AND h.role = 'HOLDER' AND h.ess) AS to_ess,
                     EXISTS (SELECT 1 FROM purchase_party h WHERE h.purchase_id = p.id AND h.role = 'HOLDER' AND h.family IN ('SIAE', 'STPA')) AS to_inclusive,
                     EXISTS (SELECT 1 FROM purchase_party h WHERE h.purchase_id = p.id AND h.role = 'HOLDER' AND h.size IN ('TPE', 'PME')) AS to_sme,
                     EXISTS (SELECT 1 FROM purchase_party h WHERE h.purchase_id = p.id AND h.role = 'HOLDER' AND h.on_territory) AS to_local,
                     EXISTS (SELECT 1 FROM purchase_party h WHERE h.purchase_id = p.id AND h.role = 'HOLDER' AND h.matched_by = 'NONE') AS unknown_holder
              FROM purchase p WHERE notified_on >= ? AND notified_on < ?)
            SELECT count(*), coalesce(sum(amount), 0),
                   count(*) FILTER (WHERE cardinality(social_considerations) > 0), coalesce(sum(amount) FILTER (WHERE cardinality(social_considerations) > 0), 0),
                   count(*) FILTER (WHERE cardinality(environmental_considerations) > 0), coalesce(sum(amount) FILTER (WHERE cardinality(environmental_considerations) > 0), 0),
                   count(*) FILTER (WHERE to_ess), coalesce(sum(amount) FILTER (WHERE to_ess), 0),
                   count(*) FILTER (WHERE to_inclusive), coalesce(sum(amount) FILTER (WHERE to_inclusive), 0),
                   count(*) FILTER (WHERE to_sme), coalesce(sum(amount) FILTER (WHERE to_sme), 0),
                   count(*) FILTER (WHERE to_local), coalesce(sum(amount) FILTER (WHERE to_local), 0),
                   count(*) FILTER (WHERE unknown_holder), coalesce(sum(amount) FILTER (WHERE unknown_holder), 0),
                   coalesce(sum(insertion_hours_achieved), 0)
            FROM p""", statement -> {
                statement.setDate(1, Date.valueOf(LocalDate.of(year, 1, 1)));
                statement.setDate(2, Date.valueOf(LocalDate.of(year + 1, 1, 1)));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    int i = 1;
                    return new PurchaseRecords.YearTotals(year, share(rows, i), share(rows, i + 2), share(rows, i + 4), share(rows, i + 6),
                        share(rows, i + 8), share(rows, i + 10), share(rows, i + 12), share(rows, i + 14), rows.getLong(i + 16));
                }
            });
    }

    private static PurchaseRecords.Share share(ResultSet rows, int column) throws SQLException {
        return new PurchaseRecords.Share(rows.getLong(column), rows.getBigDecimal(column + 1));
    }

    private static final String WHERE = """
        (?::int IS NULL OR (p.notified_on >= make_date(?::int, 1, 1) AND p.notified_on < make_date(?::int + 1, 1, 1)))
        AND (?::text IS NULL OR lower(p.direction) = lower(?::text))
        AND (?::text IS NULL OR p.procedure = ?::text)
        AND (?::text IS NULL OR p.source = ?::text)
        AND (?::text IS NULL OR p.object ILIKE ?::text OR p.reference ILIKE ?::text
             OR EXISTS (SELECT 1 FROM purchase_party pp WHERE pp.purchase_id = p.id AND (pp.identifier = ?::text OR pp.name ILIKE ?::text)))""";

    private static int bindFilter(PreparedStatement statement, Filter filter) throws SQLException {
        int i = 1;
        for (int n = 0; n < 3; n++) {
            setInt(statement, i++, filter.year());
        }
        for (String value : new String[] {filter.direction(), filter.procedure(), filter.source()}) {
            statement.setString(i++, value);
            statement.setString(i++, value);
        }
        String text = filter.text();
        String pattern = text == null ? null : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        statement.setString(i++, text);
        statement.setString(i++, pattern);
        statement.setString(i++, pattern);
        statement.setString(i++, text == null ? null : text.replace(" ", ""));
        statement.setString(i++, pattern);
        return i;
    }

    private static final String PARTY_COLUMNS = "identifier, identifier_type, matched_by, supplier_id, name, kind, family, size, ess, "
        + "on_territory, subcontract_amount, frozen_on";

    private List<PurchaseRow> withParties(List<PurchaseRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<PurchaseRow.Party>> holders = new HashMap<>();
        Map<Long, List<PurchaseRow.Party>> subcontractors = new HashMap<>();
        jdbc.prepareStatement("SELECT purchase_id, role, " + PARTY_COLUMNS + " FROM purchase_party WHERE purchase_id = ANY (?) "
            + "ORDER BY purchase_id, role, position", statement -> {
                statement.setArray(1, statement.getConnection().createArrayOf("bigint", rows.stream().map(PurchaseRow::id).toArray()));
                try (ResultSet found = statement.executeQuery()) {
                    while (found.next()) {
                        (found.getString(2).equals("HOLDER") ? holders : subcontractors)
                            .computeIfAbsent(found.getLong(1), id -> new ArrayList<>()).add(party(found));
                    }
                }
                return null;
            });
        Map<Long, PurchaseRow> ordered = new LinkedHashMap<>();
        rows.forEach(row -> ordered.put(row.id(), row));
        return ordered.values().stream().map(row -> new PurchaseRow(row.id(), row.buyerKey(), row.reference(), row.source(), row.object(),
            row.direction(), row.category(), row.nature(), row.procedure(), row.priceForm(), row.amount(), row.initialAmount(),
            row.notifiedOn(), row.durationMonths(), row.cpv(), row.groupKind(), row.subcontractingDeclared(), row.socialConsiderations(),
            row.reservation(), row.environmentalConsiderations(), row.environmentalThemes(), row.variants(), row.functionalSpecification(),
            row.advance(), row.advanceRate(), row.innovative(), row.labelRequired(), row.lifecycleCostCriterion(),
            row.reparabilityCriterion(), row.equalityCriterion(), row.equalityPlan(), row.citizenParticipation(), row.groupPurchase(),
            row.reuseShare(), row.insertionHoursPlanned(), row.insertionHoursAchieved(), row.positiveExits(), row.programmingLineId(),
            row.shortlistId(), row.sourcingEntryIds(), holders.getOrDefault(row.id(), List.of()),
            subcontractors.getOrDefault(row.id(), List.of()))).toList();
    }

    private static PurchaseRow.Party party(ResultSet rows) throws SQLException {
        return new PurchaseRow.Party(rows.getString("identifier"), rows.getString("identifier_type"), rows.getString("matched_by"),
            (Long) rows.getObject("supplier_id"), rows.getString("name"), rows.getString("kind"), rows.getString("family"),
            rows.getString("size"), (Boolean) rows.getObject("ess"), (Boolean) rows.getObject("on_territory"),
            rows.getBigDecimal("subcontract_amount"), rows.getDate("frozen_on").toLocalDate());
    }

    private static void readRows(PreparedStatement statement, Consumer<PurchaseRow> consumer) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Array entries = rows.getArray("sourcing_entry_ids");
                consumer.accept(new PurchaseRow(rows.getLong("id"), rows.getString("buyer_key"), rows.getString("reference"),
                    rows.getString("source"), rows.getString("object"), rows.getString("direction"), rows.getString("category"),
                    rows.getString("nature"), rows.getString("procedure"), rows.getString("price_form"), rows.getBigDecimal("amount"),
                    rows.getBigDecimal("initial_amount"), rows.getDate("notified_on").toLocalDate(), (Integer) rows.getObject("duration_months"),
                    rows.getString("cpv"), rows.getString("group_kind"), rows.getBoolean("subcontracting_declared"),
                    strings(rows.getArray("social_considerations")), rows.getString("reservation"),
                    strings(rows.getArray("environmental_considerations")), strings(rows.getArray("environmental_themes")),
                    rows.getBoolean("variants"), rows.getBoolean("functional_specification"), rows.getBoolean("advance"),
                    rows.getBigDecimal("advance_rate"), rows.getBoolean("innovative"), rows.getBoolean("label_required"),
                    rows.getBoolean("lifecycle_cost_criterion"), rows.getBoolean("reparability_criterion"),
                    rows.getBoolean("equality_criterion"), rows.getBoolean("equality_plan"), rows.getBoolean("citizen_participation"),
                    rows.getBoolean("group_purchase"), rows.getBigDecimal("reuse_share"), (Integer) rows.getObject("insertion_hours_planned"),
                    (Integer) rows.getObject("insertion_hours_achieved"), (Integer) rows.getObject("positive_exits"),
                    (Long) rows.getObject("programming_line_id"), (Long) rows.getObject("shortlist_id"),
                    entries == null ? null : Arrays.stream((Long[]) entries.getArray()).toList(), List.of(), List.of()));
            }
        }
    }

    private static int bind(PreparedStatement statement, int first, PurchaseInput input, String hash) throws SQLException {
        Connection connection = statement.getConnection();
        int i = first;
        statement.setString(i++, input.buyerKey);
        statement.setString(i++, input.reference);
        statement.setString(i++, input.source.name());
        statement.setString(i++, input.object);
        statement.setString(i++, input.direction);
        statement.setString(i++, input.category == null ? null : input.category.name());
        statement.setString(i++, input.nature.name());
        statement.setString(i++, input.procedure.name());
        statement.setString(i++, input.priceForm == null ? null : input.priceForm.name());
        statement.setBigDecimal(i++, input.amount);
        statement.setBigDecimal(i++, input.initialAmount);
        statement.setDate(i++, Date.valueOf(input.notifiedOn));
        setInt(statement, i++, input.durationMonths);
        setInt(statement, i++, input.initialDurationMonths);
        statement.setString(i++, input.cpv);
        statement.setString(i++, input.placeCode);
        statement.setString(i++, input.placeType);
        statement.setString(i++, input.groupKind.name());
        statement.setBoolean(i++, input.subcontractingDeclared);
        statement.setArray(i++, names(connection, input.social));
        statement.setString(i++, input.reservation.name());
        statement.setArray(i++, names(connection, input.environmental));
        statement.setArray(i++, names(connection, input.themes));
        statement.setBoolean(i++, input.variants);
        statement.setBoolean(i++, input.functionalSpecification);
        statement.setBoolean(i++, input.advance);
        statement.setBigDecimal(i++, input.advanceRate);
        statement.setBoolean(i++, input.innovative);
        statement.setBoolean(i++, input.labelRequired);
        statement.setBoolean(i++, input.lifecycleCostCriterion);
        statement.setBoolean(i++, input.reparabilityCriterion);
        statement.setBoolean(i++, input.equalityCriterion);
        statement.setBoolean(i++, input.equalityPlan);
        statement.setBoolean(i++, input.citizenParticipation);
        statement.setBoolean(i++, input.groupPurchase);
        statement.setBigDecimal(i++, input.reuseShare);
        setInt(statement, i++, input.insertionHoursPlanned);
        setInt(statement, i++, input.insertionHoursAchieved);
        setInt(statement, i++, input.positiveExits);
        setInt(statement, i++, input.offersReceived);
        setLong(statement, i++, input.programmingLineId);
        setLong(statement, i++, input.shortlistId);
        statement.setArray(i++, input.sourcingEntryIds == null ? null
            : connection.createArrayOf("bigint", input.sourcingEntryIds.toArray()));
        statement.setString(i++, hash);
        return i;
    }

    private static Array names(Connection connection, Collection<? extends Enum<?>> values) throws SQLException {
        return connection.createArrayOf("text", values.stream().map(Enum::name).sorted().toArray());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static void setInt(PreparedStatement statement, int index, @Nullable Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void setBoolean(PreparedStatement statement, int index, @Nullable Boolean value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BOOLEAN);
        } else {
            statement.setBoolean(index, value);
        }
    }
}
