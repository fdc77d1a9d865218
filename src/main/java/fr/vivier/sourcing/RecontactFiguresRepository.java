package fr.vivier.sourcing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The RECONTACT indicator's aggregate read: requests received in a period and answered, median delay, by quarter. */
@Singleton
class RecontactFiguresRepository {
    private final JdbcOperations jdbc;

    RecontactFiguresRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per quarter of the authority's zone that has requests, then the whole period (quarter 0). */
    List<RecontactFigures.QuarterTally> byQuarter(Instant from, Instant to, String zone) {
        return jdbc.prepareStatement("""
            SELECT COALESCE(quarter, 0), count(*), count(*) FILTER (WHERE answered_at IS NOT NULL),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at))
                FILTER (WHERE answered_at IS NOT NULL)
            FROM (SELECT CAST(extract(quarter FROM created_at AT TIME ZONE ?) AS int) AS quarter, created_at, answered_at
                  FROM recontact_request WHERE created_at >= ? AND created_at < ?) r
            GROUP BY GROUPING SETS ((quarter), ()) ORDER BY 1""", statement -> {
            statement.setString(1, zone);
            statement.setTimestamp(2, Timestamp.from(from));
            statement.setTimestamp(3, Timestamp.from(to));
            List<RecontactFigures.QuarterTally> quarters = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    double median = rows.getDouble(4);
                    Long medianSeconds = rows.wasNull() ? null : Math.round(median);
                    quarters.add(new RecontactFigures.QuarterTally(rows.getInt(1), rows.getLong(2), rows.getLong(3), medianSeconds));
                }
            }
            return quarters;
        });
    }

    List<RecontactFigures.Request> requests(Instant from, Instant to, boolean answeredOnly) {
        return jdbc.prepareStatement("""
            SELECT id, topic, created_at, status, answered_at FROM recontact_request
            WHERE created_at >= ? AND created_at < ? AND (answered_at IS NOT NULL OR NOT ?) ORDER BY created_at, id""", statement -> {
            statement.setTimestamp(1, Timestamp.from(from));
            statement.setTimestamp(2, Timestamp.from(to));
            statement.setBoolean(3, answeredOnly);
            List<RecontactFigures.Request> requests = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp answered = rows.getTimestamp(5);
                    requests.add(new RecontactFigures.Request(rows.getLong(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                        RecontactRequest.Status.valueOf(rows.getString(4)), answered == null ? null : answered.toInstant()));
                }
            }
            return requests;
        });
    }
}
