package io.atelier.core.run;

import java.util.concurrent.CompletionStage;

/** A started run. */
public interface RunHandle {

    /** Asks the run to stop (the whole process tree for an external engine); the outcome arrives as usual. */
    void stop();

    boolean alive();

    /**
     * The process doing the work (the engine's child process, or this JVM for an in-process engine), recorded in the
     * store so that after a crash the runner can tell whether the run still lives.
     */
    ProcessHandle process();

    /** Completes with the {@link RunEvent.Finished} event. */
    CompletionStage<RunEvent.Finished> finished();
}
