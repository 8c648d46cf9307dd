package io.atelier.core.run;

import java.util.concurrent.CompletionStage;

/** A started run. */
public interface RunHandle {

    /** Asks the run to stop (the whole process tree for an external engine); the outcome arrives as usual. */
    void stop();

    boolean alive();

    /** Completes with the {@link RunEvent.Finished} event. */
    CompletionStage<RunEvent.Finished> finished();
}
