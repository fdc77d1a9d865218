package fr.vivier.directory;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Sectors, labels, areas, offers and references of a supplier: replaced as a whole on each save. Call within a transaction. */
@Singleton
public class SupplierDetailsStore {
    private final JdbcOperations jdbc;

    SupplierDetailsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(long supplierId, SupplierProfile profile, List<SupplierChildren.LabelRow> previousLabels) {
        delete(supplierId);
        batch("INSERT INTO supplier_sector (supplier_id, sector_code) VALUES (?, ?)", profile.sectors(), (statement, code) -> {
            statement.setLong(1, supplierId);
            statement.setString(2, code);
        });
        batch("INSERT INTO supplier_area (supplier_id, area_type, area_code) VALUES (?, ?, ?)", profile.areas(), (statement, area) -> {
            statement.setLong(1, supplierId);
            statement.setString(2, area.type().name());
            statement.setString(3, area.code());
        });
        batch("""
            INSERT INTO supplier_label (supplier_id, label_code, proof, expires_on, verified, verified_at, verified_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)""", profile.labels(), (statement, label) -> {
            // a label keeps its verification only while its proof and expiry stay the same
            SupplierChildren.LabelRow before = previousLabels.stream()
                .filter(row -> row.labelCode().equals(label.code())
                    && java.util.Objects.equals(row.proof(), label.proof())
                    && java.util.Objects.equals(row.expiresOn(), label.expiresOn()))
                .findFirst().orElse(null);
            statement.setLong(1, supplierId);
            statement.setString(2, label.code());
            statement.setString(3, label.proof());
            statement.setObject(4, label.expiresOn() == null ? null : Date.valueOf(label.expiresOn()), Types.DATE);
            statement.setBoolean(5, before != null && before.verified());
            statement.setObject(6, before == null || before.verifiedAt() == null ? null : Timestamp.from(before.verifiedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setObject(7, before == null ? null : before.verifiedBy(), Types.BIGINT);
        });
        List<String> offers = profile.offers();
        batch("INSERT INTO supplier_offer (supplier_id, position, text) VALUES (?, ?, ?)", indexed(offers), (statement, offer) -> {
            statement.setLong(1, supplierId);
            statement.setInt(2, offer.index());
            statement.setString(3, offer.value());
        });
        batch("INSERT INTO supplier_client_reference (supplier_id, position, client, year, object) VALUES (?, ?, ?, ?, ?)",
            indexed(profile.references()), (statement, reference) -> {
                statement.setLong(1, supplierId);
                statement.setInt(2, reference.index());
                statement.setString(3, reference.value().client());
                statement.setObject(4, reference.value().year(), Types.INTEGER);
                statement.setString(5, reference.value().object());
            });
    }

    public void delete(long supplierId) {
        for (String table : List.of("supplier_sector", "supplier_area", "supplier_label", "supplier_offer", "supplier_client_reference")) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE supplier_id = ?", statement -> {
                statement.setLong(1, supplierId);
                return statement.executeUpdate();
            });
        }
    }

    public List<String> sectors(long supplierId) {
        return strings("SELECT sector_code FROM supplier_sector WHERE supplier_id = ? ORDER BY sector_code", supplierId);
    }

    public List<String> offers(long supplierId) {
        return strings("SELECT text FROM supplier_offer WHERE supplier_id = ? ORDER BY position", supplierId);
    }

    public List<SupplierChildren.Area> areas(long supplierId) {
        return query("SELECT area_type, area_code FROM supplier_area WHERE supplier_id = ? ORDER BY area_type, area_code", supplierId,
            rows -> new SupplierChildren.Area(supplierId, AreaType.valueOf(rows.getString(1)), rows.getString(2)));
    }

    public List<SupplierChildren.LabelRow> labels(long supplierId) {
        return query("SELECT label_code, proof, expires_on, verified, verified_at, verified_by FROM supplier_label WHERE supplier_id = ? ORDER BY label_code",
            supplierId, rows -> new SupplierChildren.LabelRow(supplierId, rows.getString(1), rows.getString(2),
                rows.getObject(3, java.time.LocalDate.class), rows.getBoolean(4),
                rows.getTimestamp(5) == null ? null : rows.getTimestamp(5).toInstant(), (Long) rows.getObject(6)));
    }

    public List<SupplierProfile.ClientReference> references(long supplierId) {
        return query("SELECT client, year, object FROM supplier_client_reference WHERE supplier_id = ? ORDER BY position", supplierId,
            rows -> new SupplierProfile.ClientReference(rows.getString(1), (Integer) rows.getObject(2), rows.getString(3)));
    }

    public void setLabelVerified(long supplierId, String labelCode, boolean verified, long staffId) {
        jdbc.prepareStatement("UPDATE supplier_label SET verified = ?, verified_at = CASE WHEN ? THEN now() END, verified_by = CASE WHEN ? THEN ? END WHERE supplier_id = ? AND label_code = ?", statement -> {
            statement.setBoolean(1, verified);
            statement.setBoolean(2, verified);
            statement.setBoolean(3, verified);
            statement.setLong(4, staffId);
            statement.setLong(5, supplierId);
            statement.setString(6, labelCode);
            return statement.executeUpdate();
        });
    }

    private List<String> strings(String sql, long supplierId) {
        return query(sql, supplierId, rows -> rows.getString(1));
    }

    private <T> List<T> query(String sql, long supplierId, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setLong(1, supplierId);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            return result;
        });
    }

    private <T> void batch(String sql, List<T> items, Binder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, statement -> {
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    private static <T> List<Indexed<T>> indexed(List<T> values) {
        List<Indexed<T>> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            result.add(new Indexed<>(i, values.get(i)));
        }
        return result;
    }

    private record Indexed<T>(int index, T value) { }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }
}
