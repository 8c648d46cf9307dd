package io.atelier.engine.djl.run;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-process run: the training on its own thread, a stop flag it checks between steps, the process = this JVM.
 */
public final class BuiltinRun implements RunHandle {

    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final CompletableFuture<RunEvent.Finished> finished = new CompletableFuture<>();
    private final Thread thread;

    private BuiltinRun(Training training, RunEvents events, String name) {
        this.thread = new Thread(() -> {
            RunEvent.Finished end = training.run(stopRequested::get);
            try {
                events.send(end);
            } finally {
                finished.complete(end);
            }
        }, name);
        thread.setDaemon(true);
        // DJL looks engines up on the context class loader; inside NetBeans it must be this module's
        thread.setContextClassLoader(BuiltinRun.class.getClassLoader());
    }

    static BuiltinRun start(Training training, RunEvents events, String name) {
        BuiltinRun run = new BuiltinRun(training, events, name);
        run.thread.start();
        return run;
    }

    @Override
    public void stop() {
        stopRequested.set(true);
    }

    @Override
    public boolean alive() {
        return thread.isAlive();
    }

    @Override
    public ProcessHandle process() {
        return ProcessHandle.current();
    }

    @Override
    public CompletionStage<RunEvent.Finished> finished() {
        return finished;
    }
}
