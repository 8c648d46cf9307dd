package io.atelier.runner;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.run.EngineAvailability;
import io.atelier.core.run.EngineException;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunHandle;
import io.atelier.core.run.RunListener;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunState;
import io.atelier.core.run.TrainingEngine;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * An engine for the runner's tests: a real child process (so pids and reconcile are real) and a thread that reports a
 * scripted course of steps, each a progress event, two metrics and a log line. It ends when the steps are done, or when
 * stopped, or never ({@link #hold}) until released.
 */
final class ScriptedEngine implements TrainingEngine {

    final List<UUID> started = new CopyOnWriteArrayList<>();
    final List<UUID> resumed = new CopyOnWriteArrayList<>();
    volatile int steps = 20;
    volatile long stepMillis = 5;
    volatile String refuseWith;
    volatile CountDownLatch hold;
    /** When set, the run writes one sample image named as sd-scripts names it, with seed 42, and reports it. */
    volatile boolean writeSample;

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public String name() {
        return "Scripted test engine";
    }

    @Override
    public Set<BaseModelFamily> supportedFamilies() {
        return EnumSet.allOf(BaseModelFamily.class);
    }

    @Override
    public EngineAvailability availability(EngineSettings settings) {
        return new EngineAvailability(true, false, "always");
    }

    @Override
    public boolean canResume() {
        return true;
    }

    @Override
    public RunHandle start(RunSpec spec, EngineSettings settings, RunListener listener) throws EngineException {
        started.add(spec.runId());
        return launch(spec, listener, 0);
    }

    @Override
    public RunHandle resume(RunSpec spec, EngineSettings settings, RunListener listener) throws EngineException {
        resumed.add(spec.runId());
        return launch(spec, listener, steps);
    }

    private RunHandle launch(RunSpec spec, RunListener listener, long offset) throws EngineException {
        if (refuseWith != null) {
            throw new EngineException(refuseWith);
        }
        Process process;
        try {
            process = new ProcessBuilder("sleep", "120").start();
        } catch (IOException e) {
            throw new EngineException("cannot start sleep: " + e.getMessage(), e);
        }
        CompletableFuture<RunEvent.Finished> finished = new CompletableFuture<>();
        Thread course = new Thread(() -> {
            listener.onEvent(new RunEvent.StateChanged(RunState.RUNNING, null));
            RunEvent.Finished end = new RunEvent.Finished(RunState.SUCCEEDED, null);
            try {
                CountDownLatch h = hold;
                if (h != null) {
                    h.await();
                }
                for (int i = 1; i <= steps; i++) {
                    if (!process.isAlive()) {
                        end = new RunEvent.Finished(RunState.CANCELLED, "stopped by the user");
                        break;
                    }
                    long step = offset + i;
                    listener.onEvent(new RunEvent.Progress(step, offset + steps, 1, 1, 10));
                    listener.onEvent(new RunEvent.Metric("loss/current", step, 1, 1.0 / step));
                    listener.onEvent(new RunEvent.Metric("lr/unet", step, 1, 1e-4));
                    listener.onEvent(new RunEvent.LogLine(false, "step " + step));
                    Thread.sleep(stepMillis);
                }
                if (writeSample) {
                    java.nio.file.Path sample = spec.runDir().resolve("out/sample/x_e000001_00_20261129101500_42.png");
                    java.nio.file.Files.createDirectories(sample.getParent());
                    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8,
                            java.awt.image.BufferedImage.TYPE_INT_RGB), "png", sample.toFile());
                    listener.onEvent(new RunEvent.SampleWritten(sample, 1, offset + steps, 0));
                }
            } catch (InterruptedException e) {
                end = new RunEvent.Finished(RunState.FAILED, "interrupted");
            } catch (IOException e) {
                end = new RunEvent.Finished(RunState.FAILED, "cannot write the sample: " + e.getMessage());
            }
            process.destroy();
            listener.onEvent(end);
            finished.complete(end);
        }, "scripted course");
        course.setDaemon(true);
        course.start();
        return new RunHandle() {
            @Override
            public void stop() {
                process.destroy();
                CountDownLatch h = hold;
                if (h != null) {
                    h.countDown();
                }
            }

            @Override
            public boolean alive() {
                return !finished.isDone();
            }

            @Override
            public ProcessHandle process() {
                return process.toHandle();
            }

            @Override
            public CompletionStage<RunEvent.Finished> finished() {
                return finished;
            }
        };
    }
}
