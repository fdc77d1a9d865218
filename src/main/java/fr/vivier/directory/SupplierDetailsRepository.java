package fr.vivier.directory;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sectors, labels, intervention areas, offers and client references of suppliers. Read for many suppliers at once
 * (one query per table, whatever the number of suppliers: that is what keeps rebuilding the search index and
 * exporting thousands of rows fast); replaced as a whole on each save, within the caller's transaction.
 */
@Singleton
public class SupplierDetailsRepository {
    private static final List<String> TABLES =
        List.of("supplier_sector", "supplier_area", "supplier_label", "supplier_offer", "supplier_client_reference");

    private final JdbcOperations jdbc;

    SupplierDetailsRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, List<String>> sectors(Collection<Long> supplierIds) {
        return grouped("SELECT supplier_id, sector_code FROM supplier_sector WHERE supplier_id = ANY (?) ORDER BY supplier_id, sector_code",
            supplierIds, rows -> rows.getString(2));
    }

    public Map<Long, List<String>> offers(Collection<Long> supplierIds) {
        return grouped("SELECT supplier_id, text FROM supplier_offer WHERE supplier_id = ANY (?) ORDER BY supplier_id, position",
            supplierIds, rows -> rows.getString(2));
    }

    public Map<Long, List<SupplierChildren.Area>> areas(Collection<Long> supplierIds) {
        return grouped("""
            SELECT supplier_id, area_type, area_code FROM supplier_area
            WHERE supplier_id = ANY (?) ORDER BY supplier_id, area_type, area_code""", supplierIds,
            rows -> new SupplierChildren.Area(rows.getLong(1), AreaType.valueOf(rows.getString(2)), rows.getString(3)));
    }

    public Map<Long, List<SupplierChildren.LabelRow>> labels(Collection<Long> supplierIds) {
        return grouped("""
            SELECT supplier_id, label_code, proof, expires_on, verified, verified_at, verified_by FROM supplier_label
            WHERE supplier_id = ANY (?) ORDER BY supplier_id, label_code""", supplierIds,
            rows -> new SupplierChildren.LabelRow(rows.getLong(1), rows.getString(2), rows.getString(3),
                rows.getObject(4, LocalDate.class), rows.getBoolean(5), instant(rows.getTimestamp(6)), (Long) rows.getObject(7)));
    }

    public Map<Long, List<SupplierProfile.ClientReference>> references(Collection<Long> supplierIds) {
        return grouped("""
            SELECT supplier_id, client, year, object FROM supplier_client_reference
            WHERE supplier_id = ANY (?) ORDER BY supplier_id, position""", supplierIds,
            rows -> new SupplierProfile.ClientReference(rows.getString(2), (Integer) rows.getObject(3), rows.getString(4)));
    }

    public List<SupplierChildren.LabelRow> labels(long supplierId) {
        return labels(List.of(supplierId)).getOrDefault(supplierId, List.of());
    }

    /** Replaces the details with the profile's; a label keeps its verification only while its proof and expiry stay the same. */
    public void replace(long supplierId, SupplierProfile profile, List<SupplierChildren.LabelRow> previousLabels) {
        delete(supplierId);
        jdbc.prepareStatement("INSERT INTO supplier_sector (supplier_id, sector_code) VALUES (?, ?)", statement -> {
            for (String code : profile.sectors()) {
                statement.setLong(1, supplierId);
                statement.setString(2, code);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("INSERT INTO supplier_area (supplier_id, area_type, area_code) VALUES (?, ?, ?)", statement -> {
            for (SupplierProfile.Area area : profile.areas()) {
                statement.setLong(1, supplierId);
                statement.setString(2, area.type().name());
                statement.setString(3, area.code());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("""
            INSERT INTO supplier_label (supplier_id, label_code, proof, expires_on, verified, verified_at, verified_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)""", statement -> {
            for (SupplierProfile.Label label : profile.labels()) {
                SupplierChildren.LabelRow before = previousLabels.stream()
                    .filter(row -> row.labelCode().equals(label.code()) && Objects.equals(row.proof(), label.proof())
                        && Objects.equals(row.expiresOn(), label.expiresOn()))
                    .findFirst().orElse(null);
                statement.setLong(1, supplierId);
                statement.setString(2, label.code());
                statement.setString(3, label.proof());
                statement.setObject(4, label.expiresOn() == null ? null : Date.valueOf(label.expiresOn()), Types.DATE);
                statement.setBoolean(5, before != null && before.verified());
                statement.setObject(6, before == null || before.verifiedAt() == null ? null : Timestamp.from(before.verifiedAt()),
                    Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setObject(7, before == null ? null : before.verifiedBy(), Types.BIGINT);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("INSERT INTO supplier_offer (supplier_id, position, text) VALUES (?, ?, ?)", statement -> {
            for (int position = 0; position < profile.offers().size(); position++) {
                statement.setLong(1, supplierId);
                statement.setInt(2, position);
                statement.setString(3, profile.offers().get(position));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("INSERT INTO supplier_client_reference (supplier_id, position, client, year, object) VALUES (?, ?, ?, ?, ?)",
            statement -> {
                for (int position = 0; position < profile.references().size(); position++) {
                    SupplierProfile.ClientReference reference = profile.references().get(position);
                    statement.setLong(1, supplierId);
                    statement.setInt(2, position);
                    statement.setString(3, reference.client());
                    statement.setObject(4, reference.year(), Types.INTEGER);
                    statement.setString(5, reference.object());
                    statement.addBatch();
                }
                return statement.executeBatch();
            });
    }

    public void delete(long supplierId) {
        for (String table : TABLES) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE supplier_id = ?", statement -> {
                statement.setLong(1, supplierId);
                return statement.executeUpdate();
            });
        }
    }

    public void setLabelVerified(long supplierId, String labelCode, boolean verified, long staffId) {
        jdbc.prepareStatement("""
            UPDATE supplier_label SET verified = ?, verified_at = CASE WHEN ? THEN now() END, verified_by = CASE WHEN ? THEN ? END
            WHERE supplier_id = ? AND label_code = ?""", statement -> {
            statement.setBoolean(1, verified);
            statement.setBoolean(2, verified);
            statement.setBoolean(3, verified);
            statement.setLong(4, staffId);
            statement.setLong(5, supplierId);
            statement.setString(6, labelCode);
            return statement.executeUpdate();
        });
    }

    /** Rows of a query whose first column is the supplier id and only parameter the array of ids, grouped by supplier. */
    private <T> Map<Long, List<T>> grouped(String sql, Collection<Long> supplierIds, Row<T> row) {
        if (supplierIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement(sql, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", supplierIds.toArray()));
            Map<Long, List<T>> grouped = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    grouped.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(row.read(rows));
                }
            }
            return grouped;
        });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }
}
