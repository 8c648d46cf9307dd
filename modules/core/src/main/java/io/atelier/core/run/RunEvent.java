package io.atelier.core.run;

import java.nio.file.Path;

/** What a running engine reports, in the order it happens. Called on the engine's reader threads. */
public sealed interface RunEvent {

    /** The run moved to {@code state}; {@code reason} says why when it ended badly, else null. */
    record StateChanged(RunState state, String reason) implements RunEvent {
    }

    /**
     * Training progress.
     *
     * @param stepsPerSecond the rate the engine reports, 0 when unknown
     */
    record Progress(long step, long totalSteps, int epoch, int totalEpochs, double stepsPerSecond)
            implements RunEvent {
    }

    /** One value of a metric series ({@code loss/current}, {@code loss/average}, {@code lr/unet}, ...). */
    record Metric(String name, long step, int epoch, double value) implements RunEvent {
    }

    /** A LoRA file was written; {@code epoch} is 0 for the final, un-numbered file when unknown. */
    record CheckpointSaved(Path file, int epoch, long step) implements RunEvent {
    }

    /** A sample image was written. */
    record SampleWritten(Path file, int epoch, long step, int promptIndex) implements RunEvent {
    }

    /** A line of the engine's output, for the log window. */
    record LogLine(boolean stderr, String text) implements RunEvent {
    }

    /** The run is over: its final state and, unless it succeeded, the reason in words. */
    record Finished(RunState state, String reason) implements RunEvent {
        public Finished {
            if (!state.ended()) {
                throw new IllegalArgumentException("a run finishes in an ended state, not " + state);
            }
        }
    }
}
