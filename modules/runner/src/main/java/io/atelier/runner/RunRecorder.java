package io.atelier.runner;

import io.atelier.core.gallery.SampleFacts;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunSpecJson;
import io.atelier.core.run.RunListener;
import io.atelier.core.run.RunState;
import io.atelier.store.RunFile;
import io.atelier.store.Store;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoredRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes one run's events on the engine's threads (cheaply: a queue) and, on each {@link #flush}, writes them where
 * they belong: metrics and progress and files into the store in one batch each, log lines into {@code run.log}, state
 * changes along the arrows. Values the store could not take (disk full, store busy) are kept and tried again on the
 * next flush, so nothing the engine said is lost while the run goes on.
 */
final class RunRecorder implements RunListener {

    private static final Logger LOG = Logger.getLogger(RunRecorder.class.getName());
    /** Beyond this many unsaved values the oldest are dropped (and said so), so a dead store cannot exhaust memory. */
    private static final int MAX_PENDING_METRICS = 2_000_000;

    private final UUID runId;
    private final Path runDir;
    private final Store store;
    private final Queue<RunEvent> incoming = new ConcurrentLinkedQueue<>();
    private final List<RunEvent.Metric> pendingMetrics = new ArrayList<>();
    private final List<String> pendingLog = new ArrayList<>();
    private final List<RunFile> pendingFiles = new ArrayList<>();
    private RunEvent.Progress pendingProgress;
    private RunEvent.Finished finished;
    private boolean recordedEnd;
    private String lastProblem;
    private volatile RunState closingAs;
    private java.util.Optional<RunSpec> spec;

    RunRecorder(UUID runId, Path runDir, Store store) {
        this.runId = runId;
        this.runDir = runDir;
        this.store = store;
    }

    UUID runId() {
        return runId;
    }

    @Override
    public void onEvent(RunEvent event) {
        incoming.add(event);
    }

    /** A stop because the app closes: the run ends interrupted (resumable), not cancelled. */
    void closingApp() {
        closingAs = RunState.INTERRUPTED;
    }

    /** Whether the run's end has been recorded: nothing more will come. */
    synchronized boolean ended() {
        return recordedEnd;
    }

    /** Writes what arrived since the last flush; returns those events (for the UI), in order. */
    synchronized List<RunEvent> flush() {
        List<RunEvent> events = new ArrayList<>();
        for (RunEvent e; (e = incoming.poll()) != null; ) {
            if (finished != null) {
                continue; // nothing counts after the end (a second Finished from the handle, say)
            }
            events.add(e);
            if (e instanceof RunEvent.Metric m) {
                pendingMetrics.add(m);
            } else if (e instanceof RunEvent.Progress p) {
                pendingProgress = p;
            } else if (e instanceof RunEvent.LogLine l) {
                pendingLog.add(l.text());
            } else if (e instanceof RunEvent.CheckpointSaved c) {
                pendingFiles.add(new RunFile(c.file(), RunFile.Kind.CHECKPOINT, c.epoch(), c.step(), -1,
                        Instant.now()));
            } else if (e instanceof RunEvent.SampleWritten w) {
                pendingFiles.add(new RunFile(w.file(), RunFile.Kind.SAMPLE, w.epoch(), w.step(), w.promptIndex(),
                        Instant.now()));
            } else if (e instanceof RunEvent.StateChanged c && c.state() == RunState.RUNNING) {
                moveTo(RunState.RUNNING, null);
            } else if (e instanceof RunEvent.Finished f) {
                finished = f;
            }
        }
        saveLog();
        saveMetrics();
        saveProgressAndFiles();
        if (finished != null && !recordedEnd && pendingMetrics.isEmpty()) {
            RunState end = closingAs != null && finished.state() == RunState.CANCELLED ? closingAs : finished.state();
            String reason = end == RunState.INTERRUPTED && closingAs != null
                    ? "LoRA Atelier was closed while the run was going; resume it to continue" : finished.reason();
            if (lastProblem != null && end != RunState.SUCCEEDED) {
                reason = (reason == null ? "" : reason + "; ") + lastProblem;
            }
            moveTo(end, reason);
            recordedEnd = true;
        }
        return events;
    }

    private void saveMetrics() {
        if (pendingMetrics.isEmpty()) {
            return;
        }
        try {
            store.metrics().append(runId, pendingMetrics);
            pendingMetrics.clear();
        } catch (StoreAccessException e) {
            problem("cannot save metrics to the store (kept, trying again): " + e.getMessage(), e);
            if (pendingMetrics.size() > MAX_PENDING_METRICS) {
                pendingMetrics.subList(0, pendingMetrics.size() - MAX_PENDING_METRICS).clear();
                problem("the store has been failing for a long time: the oldest unsaved metric values were dropped",
                        null);
            }
            if (finished != null) {
                pendingMetrics.clear(); // the run is over: do not hold its end back forever
            }
        }
    }

    private void saveProgressAndFiles() {
        try {
            if (pendingProgress != null) {
                store.runs().progress(runId, pendingProgress);
                pendingProgress = null;
            }
            while (!pendingFiles.isEmpty()) {
                RunFile file = pendingFiles.get(0);
                store.runs().recordFile(runId, file);
                if (file.kind() == RunFile.Kind.SAMPLE) {
                    spec().ifPresent(spec -> store.gallery().add(SampleFacts.of(spec, file.path(), file.epoch(),
                            file.step(), file.promptIndex(), file.created())));
                }
                pendingFiles.remove(0);
            }
        } catch (StoreAccessException e) {
            problem("cannot save the run's progress to the store (trying again): " + e.getMessage(), e);
        }
    }

    /** The run's frozen spec, read once: the gallery describes each sample with its prompts. */
    private java.util.Optional<RunSpec> spec() {
        if (spec == null) {
            try {
                spec = store.runs().find(runId).map(r -> RunSpecJson.read(r.spec()));
            } catch (IllegalArgumentException e) {
                problem("the run's spec cannot be read, so its samples are not in the gallery: " + e.getMessage(), e);
                spec = java.util.Optional.empty();
            }
        }
        return spec;
    }

    private void saveLog() {
        if (pendingLog.isEmpty()) {
            return;
        }
        try {
            RunLog.append(runDir, pendingLog);
            pendingLog.clear();
        } catch (IOException e) {
            problem("cannot write " + RunLog.file(runDir) + ": " + e.getMessage(), e);
            if (pendingLog.size() > 10_000) {
                pendingLog.subList(0, pendingLog.size() - 10_000).clear();
            }
        }
    }

    /** Moves the stored run along the arrows to {@code target}, from wherever it is now. */
    void moveTo(RunState target, String reason) {
        for (int attempt = 0; attempt < 3; attempt++) {
            StoredRun run = store.runs().find(runId).orElse(null);
            if (run == null || run.state() == target) {
                return;
            }
            List<RunState> path = StatePath.between(run.state(), target);
            if (path.isEmpty()) {
                problem("run " + runId + " cannot go from " + run.state() + " to " + target, null);
                return;
            }
            try {
                RunState at = run.state();
                for (RunState next : path) {
                    store.runs().transition(runId, at, next, next == target ? reason : null);
                    at = next;
                }
                return;
            } catch (IllegalStateException moved) {
                // another process (a stop from the command line) moved it meanwhile: look again
            }
        }
    }

    private void problem(String text, Exception cause) {
        if (!text.equals(lastProblem)) {
            LOG.log(Level.INFO, text, cause);
            lastProblem = text;
        }
    }
}
