package io.atelier.store;

import io.atelier.core.run.RunState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs of every project and the queue they wait in; the queue survives restarts because it lives here. A state
 * change only happens along {@link RunState}'s arrows, and only from the state the caller saw (a second app instance
 * cannot move a run behind this one's back). {@link #reconcile} is what makes sure no run is left "running" after a
 * crash.
 */
public final class RunRepository {

    /** Whether a process still runs: the OS in the app, a stand-in in tests. */
    @FunctionalInterface
    public interface ProcessProbe {
        ProcessProbe OS = (pid, start) -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> start == null || h.info().startInstant().map(s -> s.equals(start)).orElse(true))
                .orElse(false);

        boolean alive(long pid, Instant processStart);
    }

    private static final String COLUMNS = "id, project_folder, engine, spec, state, reason, queue_position, pid, "
            + "process_start, created, updated";

    private final Transactions transactions;
    private final Clock clock;

    RunRepository(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Adds a run at the end of the queue. */
    public StoredRun enqueue(UUID id, Path projectFolder, String engine, String specJson) {
        return transactions.write("Queueing run " + id, c -> {
            Instant now = clock.instant();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO run (id, project_folder, engine, spec, "
                    + "state, queue_position, created, updated) VALUES (?, ?, ?, ?, ?, "
                    + "(SELECT COALESCE(MAX(queue_position), 0) + 1 FROM run), ?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, SqlValues.pathKey(projectFolder));
                insert.setString(3, engine);
                insert.setString(4, specJson);
                insert.setString(5, RunState.QUEUED.name());
                SqlValues.setInstant(insert, 6, now);
                SqlValues.setInstant(insert, 7, now);
                insert.executeUpdate();
            }
            return find(c, id).orElseThrow();
        });
    }

    /** The queued runs, next first. */
    public List<StoredRun> queue() {
        return transactions.read("Reading the queue", c -> query(c, "state = 'QUEUED' ORDER BY queue_position"));
    }

    /** Every run, newest first. */
    public List<StoredRun> list() {
        return transactions.read("Listing the runs", c -> query(c, "TRUE ORDER BY created DESC, id"));
    }

    public Optional<StoredRun> find(UUID id) {
        return transactions.read("Reading run " + id, c -> find(c, id));
    }

    /** Puts a queued run at {@code index} (0 = next) of the queue. */
    public List<StoredRun> move(UUID id, int index) {
        return transactions.write("Reordering the queue", c -> {
            List<StoredRun> queue = new ArrayList<>(query(c, "state = 'QUEUED' ORDER BY queue_position"));
            StoredRun run = queue.stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("run " + id + " is not queued"));
            queue.remove(run);
            queue.add(Math.max(0, Math.min(index, queue.size())), run);
            try (PreparedStatement u = c.prepareStatement("UPDATE run SET queue_position = ? WHERE id = ?")) {
                for (int i = 0; i < queue.size(); i++) {
                    u.setLong(1, i + 1L);
                    u.setObject(2, queue.get(i).id());
                    u.addBatch();
                }
                u.executeBatch();
            }
            return query(c, "state = 'QUEUED' ORDER BY queue_position");
        });
    }

    /**
     * Moves a run from {@code from} to {@code to}.
     *
     * @throws IllegalStateException when the arrow does not exist or the run is no longer in {@code from}
     */
    public StoredRun transition(UUID id, RunState from, RunState to, String reason) {
        from.moveTo(to);
        return transactions.write("Moving run " + id + " to " + to, c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE run SET state = ?, reason = ?, updated = ?, "
                    + "queue_position = CASE WHEN ? THEN (SELECT COALESCE(MAX(queue_position), 0) + 1 FROM run) "
                    + "ELSE NULL END, pid = CASE WHEN ? THEN pid ELSE NULL END, "
                    + "process_start = CASE WHEN ? THEN process_start ELSE NULL END WHERE id = ? AND state = ?")) {
                u.setString(1, to.name());
                if (reason == null) {
                    u.setNull(2, Types.VARCHAR);
                } else {
                    u.setString(2, reason);
                }
                SqlValues.setInstant(u, 3, clock.instant());
                u.setBoolean(4, to == RunState.QUEUED);
                u.setBoolean(5, to.live());
                u.setBoolean(6, to.live());
                u.setObject(7, id);
                u.setString(8, from.name());
                if (u.executeUpdate() != 1) {
                    throw new IllegalStateException("run " + id + " is not " + from.name().toLowerCase(java.util.Locale.ROOT)
                            + " any more");
                }
            }
            return find(c, id).orElseThrow();
        });
    }

    /** Records the engine process of a starting or running run. */
    public void processStarted(UUID id, long pid, Instant processStart) {
        transactions.write("Recording the process of run " + id, c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE run SET pid = ?, process_start = ? WHERE id = ?")) {
                u.setLong(1, pid);
                SqlValues.setInstant(u, 2, processStart);
                u.setObject(3, id);
                u.executeUpdate();
            }
            return null;
        });
    }

    /**
     * On start: every run the store still has as starting, running or stopping whose process is gone (or was never
     * recorded) becomes interrupted, with {@code reasonFor(run)} (e.g. the log tail). Runs whose process lives are left.
     *
     * @return the runs that were interrupted
     */
    public List<StoredRun> reconcile(ProcessProbe probe, java.util.function.Function<StoredRun, String> reasonFor) {
        List<StoredRun> live = transactions.read("Reading the live runs",
                c -> query(c, "state IN ('STARTING', 'RUNNING', 'STOPPING') ORDER BY created"));
        List<StoredRun> interrupted = new ArrayList<>();
        for (StoredRun run : live) {
            boolean alive = run.pid() != null && probe.alive(run.pid(), run.processStart());
            if (!alive) {
                try {
                    interrupted.add(transition(run.id(), run.state(), RunState.INTERRUPTED, reasonFor.apply(run)));
                } catch (IllegalStateException e) {
                    // another instance moved it meanwhile: it is being looked after
                }
            }
        }
        return interrupted;
    }

    private static Optional<StoredRun> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM run WHERE id = ?")) {
            q.setObject(1, id);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    private static List<StoredRun> query(Connection c, String where) throws SQLException {
        List<StoredRun> runs = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM run WHERE " + where);
             ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                runs.add(row(rows));
            }
        }
        return runs;
    }

    private static StoredRun row(ResultSet r) throws SQLException {
        long position = r.getLong("queue_position");
        Long queuePosition = r.wasNull() ? null : position;
        long pid = r.getLong("pid");
        Long processId = r.wasNull() ? null : pid;
        return new StoredRun(r.getObject("id", UUID.class), Path.of(r.getString("project_folder")),
                r.getString("engine"), r.getString("spec"), RunState.valueOf(r.getString("state")),
                r.getString("reason"), queuePosition, processId, SqlValues.getInstant(r, "process_start"),
                SqlValues.getInstant(r, "created"), SqlValues.getInstant(r, "updated"));
    }
}
