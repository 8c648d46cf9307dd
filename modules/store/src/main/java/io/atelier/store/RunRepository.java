package io.atelier.store;

import io.atelier.core.run.RunEvent;
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
            + "process_start, created, updated, step, total_steps, epoch, total_epochs, steps_per_second, started, "
            + "ended, resume";

    /** How long a starting run may be without a recorded process before reconcile counts it as dead. */
    static final java.time.Duration STARTING_GRACE = java.time.Duration.ofMinutes(2);

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
        return move(id, from, to, reason, false);
    }

    /**
     * Puts an ended run back at the end of the queue; with {@code resume} it continues from its saved state when it
     * starts, else it starts over.
     */
    public StoredRun requeue(UUID id, RunState from, boolean resume) {
        return move(id, from, RunState.QUEUED, null, resume);
    }

    private StoredRun move(UUID id, RunState from, RunState to, String reason, boolean resume) {
        from.moveTo(to);
        return transactions.write("Moving run " + id + " to " + to, c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE run SET state = ?, reason = ?, updated = ?, "
                    + "queue_position = CASE WHEN ? THEN (SELECT COALESCE(MAX(queue_position), 0) + 1 FROM run) "
                    + "ELSE NULL END, pid = CASE WHEN ? THEN pid ELSE NULL END, "
                    + "process_start = CASE WHEN ? THEN process_start ELSE NULL END, "
                    + "started = CASE WHEN ? THEN ? ELSE started END, "
                    + "ended = CASE WHEN ? THEN ? WHEN ? THEN NULL ELSE ended END, "
                    + "resume = CASE WHEN ? THEN ? ELSE resume END WHERE id = ? AND state = ?")) {
                Instant now = clock.instant();
                u.setString(1, to.name());
                if (reason == null) {
                    u.setNull(2, Types.VARCHAR);
                } else {
                    u.setString(2, reason);
                }
                SqlValues.setInstant(u, 3, now);
                u.setBoolean(4, to == RunState.QUEUED);
                u.setBoolean(5, to.live());
                u.setBoolean(6, to.live());
                u.setBoolean(7, to == RunState.STARTING);
                SqlValues.setInstant(u, 8, now);
                u.setBoolean(9, to.ended());
                SqlValues.setInstant(u, 10, now);
                u.setBoolean(11, to == RunState.QUEUED);
                u.setBoolean(12, to == RunState.QUEUED);
                u.setBoolean(13, resume);
                u.setObject(14, id);
                u.setString(15, from.name());
                if (u.executeUpdate() != 1) {
                    throw new IllegalStateException("run " + id + " is not " + from.name().toLowerCase(java.util.Locale.ROOT)
                            + " any more");
                }
            }
            return find(c, id).orElseThrow();
        });
    }

    /** Records the last progress a live run reported. */
    public void progress(UUID id, RunEvent.Progress progress) {
        transactions.write("Recording the progress of run " + id, c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE run SET step = ?, total_steps = ?, epoch = ?, "
                    + "total_epochs = ?, steps_per_second = ? WHERE id = ?")) {
                u.setLong(1, progress.step());
                u.setLong(2, progress.totalSteps());
                u.setInt(3, progress.epoch());
                u.setInt(4, progress.totalEpochs());
                u.setDouble(5, progress.stepsPerSecond());
                u.setObject(6, id);
                u.executeUpdate();
            }
            return null;
        });
    }

    /** Records a checkpoint or sample the run wrote (again: the same path is updated). */
    public void recordFile(UUID id, RunFile file) {
        transactions.write("Recording " + file.path() + " of run " + id, c -> {
            try (PreparedStatement m = c.prepareStatement("MERGE INTO run_file (run_id, path, kind, epoch, step, "
                    + "prompt_index, created) KEY (run_id, path) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                m.setObject(1, id);
                m.setString(2, SqlValues.pathKey(file.path()));
                m.setString(3, file.kind().name());
                m.setInt(4, file.epoch());
                m.setLong(5, file.step());
                m.setInt(6, file.promptIndex());
                SqlValues.setInstant(m, 7, file.created() == null ? clock.instant() : file.created());
                m.executeUpdate();
            }
            return null;
        });
    }

    /** The checkpoints and samples a run reported, in the order they were written. */
    public List<RunFile> files(UUID id) {
        return transactions.read("Reading the files of run " + id, c -> {
            List<RunFile> files = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT path, kind, epoch, step, prompt_index, created "
                    + "FROM run_file WHERE run_id = ? ORDER BY created, step, path")) {
                q.setObject(1, id);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        files.add(new RunFile(Path.of(r.getString(1)), RunFile.Kind.valueOf(r.getString(2)),
                                r.getInt(3), r.getLong(4), r.getInt(5), SqlValues.getInstant(r, "created")));
                    }
                }
            }
            return files;
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
            // a run another process has just claimed has no process yet: give it time to start one
            boolean justClaimed = run.pid() == null && run.state() == RunState.STARTING
                    && run.updated().isAfter(clock.instant().minus(STARTING_GRACE));
            boolean alive = justClaimed || run.pid() != null && probe.alive(run.pid(), run.processStart());
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
        long step = r.getLong("step");
        RunEvent.Progress progress = r.wasNull() ? null : new RunEvent.Progress(step, r.getLong("total_steps"),
                r.getInt("epoch"), r.getInt("total_epochs"), r.getDouble("steps_per_second"));
        return new StoredRun(r.getObject("id", UUID.class), Path.of(r.getString("project_folder")),
                r.getString("engine"), r.getString("spec"), RunState.valueOf(r.getString("state")),
                r.getString("reason"), queuePosition, processId, SqlValues.getInstant(r, "process_start"),
                SqlValues.getInstant(r, "created"), SqlValues.getInstant(r, "updated"), progress,
                SqlValues.getInstant(r, "started"), SqlValues.getInstant(r, "ended"), r.getBoolean("resume"));
    }
}
