package fr.vivier.buyers;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The suppliers proposed by each shortlist, in their order, and which of them the buyer kept. */
@Singleton
class ShortlistSupplierRepository {
    private final JdbcOperations jdbc;

    ShortlistSupplierRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Proposed(long supplierId, int position, boolean selected) { }

    /** How many suppliers a shortlist proposed, and how many the buyer kept. */
    record Counts(int proposed, int selected) {
        static final Counts NONE = new Counts(0, 0);
    }

    /** Proposes the suppliers, at positions 1, 2… in the given order; none selected yet. */
    void propose(long shortlistId, List<Long> supplierIds) {
        jdbc.prepareStatement("INSERT INTO shortlist_supplier (shortlist_id, supplier_id, selected, position) VALUES (?, ?, FALSE, ?)",
            statement -> {
                for (int position = 0; position < supplierIds.size(); position++) {
                    statement.setLong(1, shortlistId);
                    statement.setLong(2, supplierIds.get(position));
                    statement.setInt(3, position + 1);
                    statement.addBatch();
                }
                return statement.executeBatch();
            });
    }

    /** Adds the supplier after the others, kept; a supplier already proposed is kept where it is. */
    void addSelected(long shortlistId, long supplierId) {
        jdbc.prepareStatement("""
            INSERT INTO shortlist_supplier (shortlist_id, supplier_id, selected, position)
            SELECT ?, ?, TRUE, COALESCE(max(position), 0) + 1 FROM shortlist_supplier WHERE shortlist_id = ?
            ON CONFLICT (shortlist_id, supplier_id) DO UPDATE SET selected = TRUE""", statement -> {
            statement.setLong(1, shortlistId);
            statement.setLong(2, supplierId);
            statement.setLong(3, shortlistId);
            return statement.executeUpdate();
        });
    }

    List<Proposed> findByShortlist(long shortlistId) {
        return jdbc.prepareStatement(
            "SELECT supplier_id, position, selected FROM shortlist_supplier WHERE shortlist_id = ? ORDER BY position", statement -> {
                statement.setLong(1, shortlistId);
                List<Proposed> proposed = new ArrayList<>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        proposed.add(new Proposed(rows.getLong(1), rows.getInt(2), rows.getBoolean(3)));
                    }
                }
                return proposed;
            });
    }

    /** Keeps exactly these suppliers among those proposed. */
    void select(long shortlistId, Collection<Long> supplierIds) {
        jdbc.prepareStatement("UPDATE shortlist_supplier SET selected = (supplier_id = ANY (?)) WHERE shortlist_id = ?", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", supplierIds.toArray()));
            statement.setLong(2, shortlistId);
            return statement.executeUpdate();
        });
    }

    /** The counts of each shortlist, in one query; a shortlist without proposals is absent. */
    Map<Long, Counts> countsByShortlist(Collection<Long> shortlistIds) {
        if (shortlistIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("""
            SELECT shortlist_id, count(*), count(*) FILTER (WHERE selected) FROM shortlist_supplier
            WHERE shortlist_id = ANY (?) GROUP BY shortlist_id""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", shortlistIds.toArray()));
            Map<Long, Counts> counts = new HashMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getLong(1), new Counts(rows.getInt(2), rows.getInt(3)));
                }
            }
            return counts;
        });
    }
}
