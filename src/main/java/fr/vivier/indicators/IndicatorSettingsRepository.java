package fr.vivier.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The authority's choices about the catalogue: settings per indicator and targets per year. */
@Singleton
class IndicatorSettingsRepository {
    private final JdbcOperations jdbc;

    IndicatorSettingsRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, IndicatorSetting> settings() {
        return jdbc.prepareStatement("SELECT code, followed, published, baseline_year FROM indicator_setting", statement -> {
            Map<String, IndicatorSetting> settings = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int baseline = rows.getInt(4);
                    Integer baselineYear = rows.wasNull() ? null : baseline;
                    settings.put(rows.getString(1), new IndicatorSetting(rows.getString(1), rows.getBoolean(2), rows.getBoolean(3),
                        baselineYear));
                }
            }
            return settings;
        });
    }

    void save(IndicatorSetting setting, String by, Instant now) {
        jdbc.prepareStatement("""
            INSERT INTO indicator_setting (code, followed, published, baseline_year, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET followed = EXCLUDED.followed, published = EXCLUDED.published,
              baseline_year = EXCLUDED.baseline_year, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""",
            statement -> {
                statement.setString(1, setting.code());
                statement.setBoolean(2, setting.followed());
                statement.setBoolean(3, setting.published());
                if (setting.baselineYear() == null) {
                    statement.setNull(4, Types.INTEGER);
                } else {
                    statement.setInt(4, setting.baselineYear());
                }
                statement.setTimestamp(5, Timestamp.from(now));
                statement.setString(6, by);
                return statement.executeUpdate();
            });
    }

    /** Every target, oldest year first. */
    List<Target> targets(@Nullable String code) {
        return jdbc.prepareStatement("SELECT code, year, kind, measure, value FROM indicator_target "
            + "WHERE CAST(? AS text) IS NULL OR code = CAST(? AS text) ORDER BY code, year", statement -> {
                statement.setString(1, code);
                statement.setString(2, code);
                List<Target> targets = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        targets.add(new Target(rows.getString(1), rows.getInt(2), Target.Kind.valueOf(rows.getString(3)),
                            Target.Measure.valueOf(rows.getString(4)), rows.getBigDecimal(5)));
                    }
                }
                return targets;
            });
    }

    void saveTarget(Target target, String by, Instant now) {
        jdbc.prepareStatement("""
            INSERT INTO indicator_target (code, year, kind, measure, value, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code, year) DO UPDATE SET kind = EXCLUDED.kind, measure = EXCLUDED.measure, value = EXCLUDED.value,
              updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""", statement -> {
            statement.setString(1, target.code());
            statement.setInt(2, target.year());
            statement.setString(3, target.kind().name());
            statement.setString(4, target.measure().name());
            statement.setBigDecimal(5, target.value());
            statement.setTimestamp(6, Timestamp.from(now));
            statement.setString(7, by);
            return statement.executeUpdate();
        });
    }

    void deleteTarget(String code, int year) {
        jdbc.prepareStatement("DELETE FROM indicator_target WHERE code = ? AND year = ?", statement -> {
            statement.setString(1, code);
            statement.setInt(2, year);
            return statement.executeUpdate();
        });
    }
}
