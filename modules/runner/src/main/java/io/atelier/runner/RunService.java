package io.atelier.runner;

import io.atelier.core.io.AtomicFiles;
import io.atelier.core.run.EngineException;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.run.ProcessTree;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunHandle;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunSpecJson;
import io.atelier.core.run.RunState;
import io.atelier.core.run.TrainingEngine;
import io.atelier.store.RunRepository;
import io.atelier.store.Store;
import io.atelier.store.StoredRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The runs of every project, one per process that trains (the app, or {@code atelier run start --wait}). Queues runs
 * with their frozen spec, keeps the queue moving (at most {@link #parallel()} live runs, the queue can be paused; both
 * kept in the store, so the app and the command line agree), starts each through its engine, records what it reports,
 * and stops, resumes and reorders on request. Several processes may dispatch the same queue: a run is claimed by
 * moving it from queued to starting, which only one of them can do.
 */
public final class RunService implements AutoCloseable {

    /** What a window or a command line watches: a run's events as they are recorded, and any change to the runs. */
    public interface Listener {
        /** Events of a run this process drives, in order, batched (on the recording thread). */
        void runEvents(UUID runId, List<RunEvent> events);

        /** Runs were queued, started, ended, moved (maybe by another process); re-read what is shown. */
        default void runsChanged() {
        }
    }

    public static final String PAUSED = "queue.paused";
    public static final String PARALLEL = "queue.parallel";

    private static final Logger LOG = Logger.getLogger(RunService.class.getName());
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration FLUSH = Duration.ofMillis(250);
    private static final Duration RECONCILE_EVERY = Duration.ofSeconds(5);
    private static final Duration ORPHAN_WAIT = Duration.ofSeconds(3);

    private final Store store;
    private final EngineCatalog engines;
    private final RunFreezer freezer;
    private final Map<UUID, Active> active = new ConcurrentHashMap<>();
    private final Map<UUID, CompletableFuture<StoredRun>> waiting = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "Atelier runs");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean dispatching;
    private volatile long lastReconcile;
    private volatile String lastSeenQueue = "";

    /** A run this process started: its recorder and, once the engine started it, its handle. */
    private static final class Active {
        final RunRecorder recorder;
        volatile RunHandle handle;
        volatile boolean stopAsked;

        Active(RunRecorder recorder) {
            this.recorder = recorder;
        }
    }

    public RunService(Store store, EngineCatalog engines) {
        this(store, engines, Clock.systemUTC());
    }

    RunService(Store store, EngineCatalog engines, Clock clock) {
        this.store = store;
        this.engines = engines;
        this.freezer = new RunFreezer(store, clock);
    }

    public Store store() {
        return store;
    }

    public EngineCatalog engines() {
        return engines;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Reconciles (live runs whose process is gone become interrupted, with their log's tail), then keeps the queue
     * moving and records the runs it starts until {@link #close()}.
     */
    public synchronized void startDispatching() {
        if (dispatching) {
            return;
        }
        reconcile();
        dispatching = true;
        threads.scheduleWithFixedDelay(this::tickSafely, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(this::flushSafely, FLUSH.toMillis(), FLUSH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Live runs whose process is gone (not ones this process drives) become interrupted; returns them. */
    public List<StoredRun> reconcile() {
        lastReconcile = System.nanoTime();
        List<StoredRun> interrupted = store.runs().reconcile(
                (pid, start) -> ownsProcess(pid) || RunRepository.ProcessProbe.OS.alive(pid, start),
                run -> interruptionReason(run));
        if (!interrupted.isEmpty()) {
            fireRunsChanged();
        }
        return interrupted;
    }

    private boolean ownsProcess(long pid) {
        return active.values().stream().anyMatch(a -> a.handle != null && a.handle.process().pid() == pid);
    }

    private static String interruptionReason(StoredRun run) {
        List<String> tail = RunLog.tail(run.runDir(), 5);
        return "the process ended while LoRA Atelier was not watching (the app or the machine stopped)"
                + (tail.isEmpty() ? "" : "; last output: " + String.join(" | ", tail));
    }

    // ---- queueing

    /**
     * Freezes the project's run as it is now (hashing every dataset image: call it off the event thread) and puts it
     * at the end of the queue; its spec is also written to {@code runs/<id>/spec.json}.
     */
    public StoredRun submit(Path projectRoot, String engineId, BooleanSupplier cancelled) throws RunException {
        TrainingEngine engine = engines.engine(engineId);
        RunSpec spec = freezer.freeze(projectRoot, engine, engines.settings(engineId), cancelled);
        String json = RunSpecJson.write(spec);
        try {
            AtomicFiles.write(spec.runDir().resolve("spec.json"), json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RunException("cannot write " + spec.runDir().resolve("spec.json") + ": " + e.getMessage(), e);
        }
        StoredRun run = store.runs().enqueue(spec.runId(), spec.projectRoot(), engineId, json);
        fireRunsChanged();
        threads.execute(this::tickSafely);
        return run;
    }

    public StoredRun run(UUID id) throws RunException {
        return store.runs().find(id).orElseThrow(() -> new RunException("there is no run " + id));
    }

    public List<StoredRun> move(UUID id, int index) {
        List<StoredRun> queue = store.runs().move(id, index);
        fireRunsChanged();
        return queue;
    }

    public boolean paused() {
        return store.settings().get(PAUSED).map(Boolean::parseBoolean).orElse(false);
    }

    /** A paused queue starts nothing new; runs going on go on. */
    public void setPaused(boolean paused) {
        store.settings().put(PAUSED, paused ? "true" : "");
        fireRunsChanged();
        threads.execute(this::tickSafely);
    }

    /** How many runs may be live at once: one per GPU unless the user allows more. */
    public int parallel() {
        return store.settings().get(PARALLEL).map(v -> {
            try {
                return Math.max(1, Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return 1;
            }
        }).orElse(1);
    }

    public void setParallel(int runs) {
        if (runs < 1 || runs > 16) {
            throw new IllegalArgumentException("runs at once must be 1 to 16, not " + runs);
        }
        store.settings().put(PARALLEL, runs == 1 ? "" : Integer.toString(runs));
        threads.execute(this::tickSafely);
    }

    // ---- stop and resume

    /**
     * A queued run is cancelled; a live one is asked to stop (its whole process tree), by this process if it drives
     * the run, else by the process that does, which sees the request in the store within a second.
     */
    public StoredRun stop(UUID id) throws RunException {
        StoredRun run = run(id);
        try {
            switch (run.state()) {
                case QUEUED -> run = store.runs().transition(id, RunState.QUEUED, RunState.CANCELLED,
                        "cancelled before it started");
                case STARTING, RUNNING -> run = store.runs().transition(id, run.state(), RunState.STOPPING, null);
                case STOPPING -> {
                    // asked again: ask the engine again below
                }
                default -> throw new RunException("run " + id + " is not going (it is "
                        + run.state().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        } catch (IllegalStateException moved) {
            throw new RunException("run " + id + " changed meanwhile; look again (" + moved.getMessage() + ")");
        }
        Active mine = active.get(id);
        if (mine != null && mine.handle != null) {
            mine.stopAsked = true;
            mine.handle.stop();
        } else if (run.state() == RunState.STOPPING) {
            stopWithoutItsDriver(run);
        }
        fireRunsChanged();
        return run(id);
    }

    /**
     * Another process drives the run and stops it within a tick; if it has not after {@link #ORPHAN_WAIT} (it died and
     * left the engine running), the engine's process tree is ended from here and the run reconciled as interrupted.
     */
    private void stopWithoutItsDriver(StoredRun run) throws RunException {
        long deadline = System.nanoTime() + ORPHAN_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (run(run.id()).state() != RunState.STOPPING) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (run.pid() != null && RunRepository.ProcessProbe.OS.alive(run.pid(), run.processStart())) {
            ProcessHandle.of(run.pid()).ifPresent(p -> ProcessTree.kill(p, Duration.ofSeconds(10)));
        }
        reconcile();
    }

    /** Queues an ended run again to continue from its last saved state, keeping its steps, series and files. */
    public StoredRun resume(UUID id) throws RunException {
        StoredRun run = run(id);
        TrainingEngine engine = engines.engine(run.engine());
        if (!engine.canResume()) {
            throw new RunException(engine.name() + " cannot resume runs");
        }
        if (!run.state().canMoveTo(RunState.QUEUED)) {
            throw new RunException("run " + id + " cannot be resumed: it is "
                    + run.state().name().toLowerCase(java.util.Locale.ROOT));
        }
        StoredRun queued = store.runs().requeue(id, run.state(), true);
        fireRunsChanged();
        threads.execute(this::tickSafely);
        return queued;
    }

    /** Completes when the run has ended (as this process recorded it, or as the store says). */
    public CompletableFuture<StoredRun> whenEnded(UUID id) {
        return waiting.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    /** Whether this process drives the run. */
    public boolean drives(UUID id) {
        return active.containsKey(id);
    }

    // ---- the dispatcher

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "The run queue could not be looked at; trying again", e);
        }
    }

    private synchronized void tick() {
        for (Map.Entry<UUID, Active> e : active.entrySet()) {
            Active a = e.getValue();
            if (a.handle != null && !a.stopAsked && store.runs().find(e.getKey())
                    .map(r -> r.state() == RunState.STOPPING).orElse(false)) {
                a.stopAsked = true; // asked from another process (atelier run stop)
                a.handle.stop();
            }
        }
        if (System.nanoTime() - lastReconcile > RECONCILE_EVERY.toNanos()) {
            reconcile();
        }
        List<StoredRun> runs = store.runs().list();
        completeWaiters(runs);
        noticeChanges(runs);
        if (!dispatching || paused()) {
            return;
        }
        long live = runs.stream().filter(r -> r.state().live()).count();
        int allowed = parallel();
        for (StoredRun next : store.runs().queue()) {
            if (live >= allowed) {
                break;
            }
            if (launch(next)) {
                live++;
            }
        }
    }

    /** Claims a queued run and starts it; false when another process claimed it first. */
    private boolean launch(StoredRun queued) {
        UUID id = queued.id();
        StoredRun claimed;
        try {
            claimed = store.runs().transition(id, RunState.QUEUED, RunState.STARTING, null);
        } catch (IllegalStateException taken) {
            return false;
        }
        RunRecorder recorder = new RunRecorder(id, queued.runDir(), store);
        Active a = new Active(recorder);
        active.put(id, a);
        fireRunsChanged();
        try {
            RunSpec spec = RunSpecJson.read(claimed.spec());
            TrainingEngine engine = engines.engine(claimed.engine());
            EngineSettings settings = engines.settings(claimed.engine());
            RunHandle handle = claimed.resume()
                    ? engine.resume(spec, settings, recorder) : engine.start(spec, settings, recorder);
            a.handle = handle;
            ProcessHandle process = handle.process();
            store.runs().processStarted(id, process.pid(), process.info().startInstant().orElse(null));
            handle.finished().whenComplete((finished, error) -> recorder.onEvent(finished != null ? finished
                    : new RunEvent.Finished(RunState.FAILED, "the engine failed: " + error)));
        } catch (EngineException | RunException | IllegalArgumentException e) {
            recorder.onEvent(new RunEvent.LogLine(true, "Could not start: " + e.getMessage()));
            recorder.onEvent(new RunEvent.Finished(RunState.FAILED, e.getMessage()));
        }
        return true;
    }

    private void flushSafely() {
        try {
            for (Active a : active.values()) {
                List<RunEvent> events = a.recorder.flush();
                if (!events.isEmpty()) {
                    listeners.forEach(l -> l.runEvents(a.recorder.runId(), events));
                }
                if (a.recorder.ended()) {
                    active.remove(a.recorder.runId());
                    fireRunsChanged();
                    threads.execute(this::tickSafely);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Run events could not be recorded; trying again", e);
        }
    }

    private void completeWaiters(List<StoredRun> runs) {
        for (StoredRun r : runs) {
            CompletableFuture<StoredRun> f = waiting.get(r.id());
            if (f != null && r.state().ended() && !active.containsKey(r.id())) {
                waiting.remove(r.id());
                f.complete(r);
            }
        }
    }

    /** Tells listeners when the runs changed in the store (another process, a state this one did not set). */
    private void noticeChanges(List<StoredRun> runs) {
        StringBuilder key = new StringBuilder();
        runs.forEach(r -> key.append(r.id()).append(r.state()).append(r.queuePosition()).append(';'));
        String now = key.toString();
        if (!now.equals(lastSeenQueue)) {
            lastSeenQueue = now;
            fireRunsChanged();
        }
    }

    private void fireRunsChanged() {
        listeners.forEach(Listener::runsChanged);
    }

    /**
     * Stops dispatching. Runs this process drives are stopped and recorded as interrupted (resumable), waiting up to
     * {@code grace} for them to end.
     */
    public void close(Duration grace) {
        dispatching = false;
        for (Active a : active.values()) {
            a.recorder.closingApp();
            if (a.handle != null) {
                a.stopAsked = true;
                a.handle.stop();
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            flushSafely();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        flushSafely();
        // never shutdownNow: an interrupt inside H2's file I/O can leave the database closed badly
        threads.shutdown();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.info("The run queue's threads did not finish within 10 s of closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(15));
    }

    /** Used by tests and the command line: the live runs this process drives. */
    Optional<RunHandle> handle(UUID id) {
        return Optional.ofNullable(active.get(id)).map(a -> a.handle);
    }
}
