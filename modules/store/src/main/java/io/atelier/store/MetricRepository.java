package io.atelier.store;

import io.atelier.core.run.RunEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The metric series of runs ({@code loss/current}, {@code loss/average}, {@code lr/unet}, ...): one value per run, name
 * and step, so a value read again (the console's average, then TensorBoard's exact one) replaces the earlier one.
 * Every write takes a new {@code seq}, so a chart asks only for what changed since it last looked. Writes only
 * append (that is what keeps 100,000 values within a second); readers keep the newest value of a step.
 */
public final class MetricRepository {

    private static final String POINT = "seq, name, step, epoch, metric_value";

    private final Transactions transactions;

    MetricRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Adds values of one run, in one transaction; a step written again replaces the earlier value. */
    public void append(UUID runId, Collection<RunEvent.Metric> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        transactions.write("Saving " + metrics.size() + " metric values of run " + runId, c -> {
            try (PreparedStatement merge = c.prepareStatement("INSERT INTO run_metric (seq, run_id, name, step, epoch, "
                    + "metric_value) VALUES (NEXT VALUE FOR run_metric_seq, ?, ?, ?, ?, ?)")) {
                for (RunEvent.Metric m : metrics) {
                    merge.setObject(1, runId);
                    merge.setString(2, m.name());
                    merge.setLong(3, m.step());
                    merge.setInt(4, m.epoch());
                    merge.setDouble(5, m.value());
                    merge.addBatch();
                }
                merge.executeBatch();
            }
            return null;
        });
    }

    /** The values written after {@code afterSeq} (0 = all), in the order they were written, at most {@code limit}. */
    public List<MetricPoint> since(UUID runId, long afterSeq, int limit) {
        return transactions.read("Reading the metrics of run " + runId, c -> points(c,
                "SELECT " + POINT + " FROM run_metric WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT " + limit,
                runId, afterSeq));
    }

    /** One series by step, the newest value of each step. */
    public List<MetricPoint> series(UUID runId, String name) {
        List<MetricPoint> all = transactions.read("Reading " + name + " of run " + runId, c -> points(c,
                "SELECT " + POINT + " FROM run_metric WHERE run_id = ? AND name = ? ORDER BY step, seq", runId, name));
        List<MetricPoint> newest = new ArrayList<>(all.size());
        for (MetricPoint p : all) {
            if (!newest.isEmpty() && newest.get(newest.size() - 1).step() == p.step()) {
                newest.set(newest.size() - 1, p);
            } else {
                newest.add(p);
            }
        }
        return newest;
    }

    /** Every series of a run, a line each, by name. */
    public List<MetricSummary> summary(UUID runId) {
        return transactions.read("Summarising the metrics of run " + runId, c -> {
            List<MetricSummary> lines = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT m.name, COUNT(DISTINCT m.step), MIN(m.step), "
                    + "MAX(m.step), MIN(m.metric_value), (SELECT l.metric_value FROM run_metric l WHERE "
                    + "l.run_id = m.run_id AND l.name = m.name ORDER BY l.step DESC, l.seq DESC LIMIT 1) "
                    + "FROM run_metric m WHERE m.run_id = ? GROUP BY m.run_id, m.name ORDER BY m.name")) {
                q.setObject(1, runId);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        lines.add(new MetricSummary(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4),
                                r.getDouble(6), r.getDouble(5)));
                    }
                }
            }
            return lines;
        });
    }

    private static List<MetricPoint> points(Connection c, String sql, UUID runId, Object second) throws SQLException {
        List<MetricPoint> points = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, runId);
            q.setObject(2, second);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    points.add(new MetricPoint(r.getLong(1), r.getString(2), r.getLong(3), r.getInt(4), r.getDouble(5)));
                }
            }
        }
        return points;
    }
}
