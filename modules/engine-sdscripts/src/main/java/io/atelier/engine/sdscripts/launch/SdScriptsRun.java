package io.atelier.engine.sdscripts.launch;

import io.atelier.core.run.EngineException;
import io.atelier.core.run.ProcessTree;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunHandle;
import io.atelier.core.run.RunListener;
import io.atelier.core.run.RunState;
import io.atelier.engine.sdscripts.output.SdScriptsOutputParser;
import io.atelier.engine.sdscripts.tensorboard.EventFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One launched segment of an sd-scripts run: the child process, a reader thread per stream feeding the console
 * parser, a follower polling the TensorBoard events and the output folder every {@value #POLL_MS} ms, and a
 * supervisor that, once the process exits, drains all of them and reports the outcome.
 */
final class SdScriptsRun implements RunHandle {

    static final long POLL_MS = 500;
    /** How long a stopped process tree gets to end on SIGTERM before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How long the readers may take to drain the pipes after the exit (a lingering grandchild may hold them). */
    private static final long DRAIN_MS = 5000;

    private final Process process;
    private final RunListener listener;
    private final SdScriptsOutputParser.Course course = new SdScriptsOutputParser.Course();
    private final ConsoleRelay console;
    private final MetricFollower metrics;
    private final OutputScanner outputs;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final CompletableFuture<RunEvent.Finished> finished = new CompletableFuture<>();
    private final String label;

    private SdScriptsRun(Process process, SerialListener listener, Segment segment, Path runDir, String outputName,
                         int totalEpochs, Set<Path> oldEvents, Set<Path> oldOutputs) {
        this.process = process;
        this.listener = listener;
        this.label = "sd-scripts " + process.pid();
        SegmentSteps steps = new SegmentSteps(segment.stepOffset(), totalEpochs, course);
        this.metrics = new MetricFollower(runDir.resolve(segment.loggingDir()), oldEvents, steps, listener);
        this.console = new ConsoleRelay(listener, steps, metrics::hasLoss);
        this.outputs = new OutputScanner(runDir.resolve(segment.outputDir()), outputName, oldOutputs, steps, listener);
    }

    /**
     * Starts the process; events go to {@code listener}, one at a time: {@code STARTING}, {@code RUNNING}, then the
     * run's progress, metrics, files and log lines, and last {@link RunEvent.Finished}.
     */
    static SdScriptsRun launch(LaunchCommand command, Segment segment, Path runDir, String outputName, int totalEpochs,
                               RunListener target) throws EngineException {
        SerialListener listener = new SerialListener(target);
        listener.onEvent(new RunEvent.StateChanged(RunState.STARTING, null));
        Set<Path> oldEvents = new HashSet<>();
        try {
            oldEvents.addAll(EventFiles.find(runDir.resolve(segment.loggingDir())));
        } catch (IOException e) {
            throw new EngineException("Cannot list " + runDir.resolve(segment.loggingDir()) + ": " + e.getMessage(), e);
        }
        Set<Path> oldOutputs = OutputScanner.existing(runDir.resolve(segment.outputDir()));
        Process p;
        try {
            p = command.processBuilder().start();
        } catch (IOException e) {
            throw new EngineException("Could not start " + command.command().get(0) + " in "
                    + command.workingDir() + ": " + e.getMessage(), e);
        }
        SdScriptsRun run = new SdScriptsRun(p, listener, segment, runDir, outputName, totalEpochs, oldEvents,
                oldOutputs);
        listener.onEvent(new RunEvent.StateChanged(RunState.RUNNING, null));
        run.startThreads();
        return run;
    }

    private void startThreads() {
        Thread out = thread("stdout", new StreamPump(process.getInputStream(), false,
                new SdScriptsOutputParser(false, course, console), listener));
        Thread err = thread("stderr", new StreamPump(process.getErrorStream(), true,
                new SdScriptsOutputParser(true, course, console), listener));
        Thread follower = thread("follower", this::follow);
        thread("supervisor", () -> supervise(out, err, follower));
    }

    private Thread thread(String role, Runnable body) {
        Thread t = new Thread(body, label + " " + role);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void follow() {
        try {
            while (!process.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
                poll(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            listener.onEvent(new RunEvent.LogLine(true, "following sd-scripts' output files failed: " + e));
        }
    }

    private void poll(boolean ended) {
        metrics.poll(ended);
        outputs.poll(ended);
    }

    private void supervise(Thread out, Thread err, Thread follower) {
        RunEvent.Finished end;
        try {
            int exit = process.waitFor();
            join(out, err);
            follower.join();
            poll(true);
            end = outcome(exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end = new RunEvent.Finished(RunState.FAILED, "the sd-scripts run's supervisor was interrupted");
        } catch (RuntimeException e) {
            end = new RunEvent.Finished(RunState.FAILED, "following the sd-scripts run failed: " + e);
        }
        try {
            listener.onEvent(end);
        } finally {
            finished.complete(end);
        }
    }

    /** Waits for the readers to reach the end of the pipes; a pipe a lingering grandchild keeps open is closed. */
    private void join(Thread out, Thread err) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_MS;
        for (Thread t : List.of(out, err)) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
        if (out.isAlive() || err.isAlive()) {
            listener.onEvent(new RunEvent.LogLine(true, "sd-scripts exited but a process it started still holds its "
                    + "output open; no longer reading it"));
            closeQuietly(out.isAlive(), err.isAlive());
            out.join(1000);
            err.join(1000);
        }
    }

    private void closeQuietly(boolean stdout, boolean stderr) {
        try {
            if (stdout) {
                process.getInputStream().close();
            }
            if (stderr) {
                process.getErrorStream().close();
            }
        } catch (IOException e) {
            listener.onEvent(new RunEvent.LogLine(true, "closing sd-scripts' output failed: " + e.getMessage()));
        }
    }

    /**
     * The run's end: a stop the user asked for is CANCELLED (unless the run completed anyway); a process ended by a
     * signal nobody here sent was killed from outside; otherwise the console's verdict ({@code model saved.}, No data
     * found, out of memory, the exit code), with the last error lines when the exit code was not 0.
     */
    RunEvent.Finished outcome(int exit) {
        RunEvent.Finished verdict = course.outcome(exit);
        if (stopRequested.get()) {
            return verdict.state() == RunState.SUCCEEDED ? verdict
                    : new RunEvent.Finished(RunState.CANCELLED, "stopped by the user");
        }
        if (killedBySignal(exit)) {
            return new RunEvent.Finished(RunState.FAILED,
                    "the sd-scripts process was killed from outside (exit code " + exit + ")");
        }
        if (verdict.state() == RunState.FAILED && exit != 0) {
            List<String> lines = console.lastErrorLines();
            if (!lines.isEmpty()) {
                return new RunEvent.Finished(RunState.FAILED, verdict.reason() + "; last error output:\n"
                        + String.join("\n", lines));
            }
        }
        return verdict;
    }

    /** On Unix a process ended by signal N exits with 128 + N (Java and shells alike); Windows has no signals. */
    private static boolean killedBySignal(int exit) {
        return !SdScriptsSettings.isWindows() && exit > 128 && exit <= 128 + 64;
    }

    @Override
    public void stop() {
        if (!process.isAlive() || !stopRequested.compareAndSet(false, true)) {
            return;
        }
        thread("stop", () -> ProcessTree.kill(process.toHandle(), STOP_GRACE));
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public CompletionStage<RunEvent.Finished> finished() {
        return finished;
    }
}
