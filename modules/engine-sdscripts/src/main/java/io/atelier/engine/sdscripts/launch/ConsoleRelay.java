package io.atelier.engine.sdscripts.launch;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunListener;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Passes the console parser's events on in the run's terms: steps plus the segment's offset; the console's rounded
 * {@code loss/average} (tqdm's 3 significant digits) only until TensorBoard's exact values arrive; no
 * {@code CheckpointSaved} (the line comes before the file is written; {@link OutputScanner} reports the file once it
 * is complete). Keeps the last error-output lines for the reason of a failed run.
 */
final class ConsoleRelay implements RunListener {

    private static final int KEPT_ERROR_LINES = 6;

    private final SerialListener target;
    private final SegmentSteps steps;
    private final BooleanSupplier tensorBoardHasLoss;
    private final Deque<String> errorLines = new ArrayDeque<>();

    ConsoleRelay(SerialListener target, SegmentSteps steps, BooleanSupplier tensorBoardHasLoss) {
        this.target = target;
        this.steps = steps;
        this.tensorBoardHasLoss = tensorBoardHasLoss;
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.Progress p) {
            target.onEvent(new RunEvent.Progress(steps.runStep(p.step()), p.totalSteps(), p.epoch(), p.totalEpochs(),
                    p.stepsPerSecond()));
        } else if (event instanceof RunEvent.Metric m) {
            // decided under the delivery lock: the follower flags TensorBoard's first loss before delivering it, so no
            // console value can slip in after it
            synchronized (target.lock()) {
                if (!tensorBoardHasLoss.getAsBoolean()) {
                    target.onEvent(new RunEvent.Metric(m.name(), steps.runStep(m.step()), m.epoch(), m.value()));
                }
            }
        } else if (event instanceof RunEvent.LogLine l) {
            if (l.stderr() && !l.text().isBlank() && !isProgressBar(l.text())) {
                remember(l.text());
            }
            target.onEvent(l);
        } else if (!(event instanceof RunEvent.CheckpointSaved)) {
            target.onEvent(event);
        }
    }

    private synchronized void remember(String line) {
        if (errorLines.size() == KEPT_ERROR_LINES) {
            errorLines.removeFirst();
        }
        errorLines.addLast(line);
    }

    /** The last lines sd-scripts wrote to stderr that were not progress bars, oldest first. */
    synchronized List<String> lastErrorLines() {
        return List.copyOf(errorLines);
    }

    /** A tqdm redraw ({@code  40%|████      | 4/10 [...]}), of any bar, not an error. */
    static boolean isProgressBar(String line) {
        return line.matches(".*\\d+%\\|.*\\|.*") || line.matches("^[^:]*:?\\s*\\d+it \\[.*");
    }
}
