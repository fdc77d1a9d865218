package fr.vivier.programming;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The aggregate reads of programming lines that the indicators need, one grouped query per year. */
@Singleton
class ProgrammingFiguresRepository {
    /** A line counts as launched when its history holds a change to « lancée », whatever its status now. */
    private static final String LAUNCHED = "EXISTS (SELECT 1 FROM programming_status_change c WHERE c.line_id = l.id AND c.to_status = 'LAUNCHED')";
    private static final String SCOPE = "l.year = ? AND (CAST(? AS text) IS NULL OR lower(l.direction) = lower(CAST(? AS text)))";

    private final JdbcOperations jdbc;

    ProgrammingFiguresRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<ProgrammingFigures.QuarterTally> byQuarter(int year, @Nullable String direction) {
        return jdbc.prepareStatement("SELECT l.expected_quarter, count(*), COALESCE(sum(l.estimated_amount), 0), "
            + "count(*) FILTER (WHERE " + LAUNCHED + "), COALESCE(sum(l.estimated_amount) FILTER (WHERE " + LAUNCHED + "), 0) "
            + "FROM programming_line l WHERE " + SCOPE + " GROUP BY l.expected_quarter ORDER BY 1", statement -> {
                bindScope(statement, year, direction);
                List<ProgrammingFigures.QuarterTally> quarters = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        quarters.add(new ProgrammingFigures.QuarterTally(rows.getInt(1), rows.getLong(2), rows.getBigDecimal(3),
                            rows.getLong(4), rows.getBigDecimal(5)));
                    }
                }
                return quarters;
            });
    }

    List<ProgrammingFigures.LineRecord> lines(int year, @Nullable Integer quarter, @Nullable String direction, boolean launchedOnly) {
        return jdbc.prepareStatement("SELECT l.id, l.reference, l.object, l.direction, l.estimated_amount, l.expected_quarter, l.status, "
            + LAUNCHED + " FROM programming_line l WHERE " + SCOPE + " AND (CAST(? AS int) IS NULL OR l.expected_quarter = CAST(? AS int))"
            + (launchedOnly ? " AND " + LAUNCHED : "") + " ORDER BY l.expected_quarter, l.reference", statement -> {
                bindScope(statement, year, direction);
                statement.setObject(4, quarter);
                statement.setObject(5, quarter);
                List<ProgrammingFigures.LineRecord> lines = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        lines.add(new ProgrammingFigures.LineRecord(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getBigDecimal(5), rows.getInt(6), LineStatus.valueOf(rows.getString(7)).label(), rows.getBoolean(8)));
                    }
                }
                return lines;
            });
    }

    private static void bindScope(PreparedStatement statement, int year, @Nullable String direction) throws SQLException {
        statement.setInt(1, year);
        statement.setString(2, direction);
        statement.setString(3, direction);
    }
}
