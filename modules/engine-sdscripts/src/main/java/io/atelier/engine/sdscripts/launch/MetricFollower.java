package io.atelier.engine.sdscripts.launch;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunListener;
import io.atelier.engine.sdscripts.tensorboard.EventFiles;
import io.atelier.engine.sdscripts.tensorboard.ReadProblem;
import io.atelier.engine.sdscripts.tensorboard.ScalarPoint;
import io.atelier.engine.sdscripts.tensorboard.TensorBoardReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Follows the TensorBoard event files a segment writes under its {@code logging_dir} (reference §9) and reports every
 * scalar as a {@link RunEvent.Metric} with its exact value: {@code loss/current}, {@code loss/average}, {@code lr/*},
 * {@code loss/validation/*} and whatever else sd-scripts logs.
 *
 * <p>Steps: per-step tags carry sd-scripts' {@code global_step}, reported plus the segment's offset, their epoch
 * derived from the step. Per-epoch tags ({@code loss/epoch_average}, {@code loss/validation/epoch_*}) are logged by
 * sd-scripts with step = the epoch number (1-based), and stay that way here: the metric's step and epoch are both the
 * epoch, and epochs need no offset because sd-scripts continues them on resume. Plot them on an epoch axis.
 *
 * <p>Damaged records: the reader returns the scalars before a record with a bad CRC and retries there on the next
 * poll (the writer may be mid-write); a record still bad on the next poll, or on the last one, is reported once as a
 * log line. Called from one thread at a time.
 */
final class MetricFollower {

    private final Path loggingDir;
    private final Set<Path> ignored;
    private final SegmentSteps steps;
    private final RunListener listener;
    private final Map<Path, TensorBoardReader> readers = new LinkedHashMap<>();
    private final Map<Path, Long> stoppedAt = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private volatile boolean hasLoss;

    /**
     * @param ignored event files that were there before the segment started (not this segment's)
     */
    MetricFollower(Path loggingDir, Set<Path> ignored, SegmentSteps steps, RunListener listener) {
        this.loggingDir = loggingDir;
        this.ignored = Set.copyOf(ignored);
        this.steps = steps;
        this.listener = listener;
    }

    /** Whether a {@code loss/average} value came from TensorBoard (the console's rounded one is then redundant). */
    boolean hasLoss() {
        return hasLoss;
    }

    /** Reads what was appended since the last poll; {@code last} after the process ended. */
    void poll(boolean last) {
        try {
            for (Path f : EventFiles.find(loggingDir)) {
                if (!ignored.contains(f)) {
                    readers.computeIfAbsent(f, TensorBoardReader::new);
                }
            }
        } catch (IOException e) {
            reportOnce("list", "listing TensorBoard event files in " + loggingDir + " failed: " + e.getMessage());
        }
        for (TensorBoardReader r : readers.values()) {
            read(r, last);
        }
    }

    private void read(TensorBoardReader r, boolean last) {
        try {
            for (ScalarPoint p : r.readNew()) {
                emit(p);
            }
        } catch (IOException e) {
            reportOnce("read " + r.file(), "reading TensorBoard event file " + r.file() + " failed: " + e.getMessage());
            return;
        }
        for (ReadProblem p : r.problems()) {
            boolean stopping = p.offset() == r.offset() && r.stoppedAtBadRecord();
            Long before = stoppedAt.get(r.file());
            boolean persistent = !stopping || last || (before != null && before == p.offset());
            if (persistent) {
                reportOnce(r.file() + "@" + p.offset(), "TensorBoard event file " + r.file() + ": " + p
                        + (stopping ? "; the values after it are not read" : ""));
            }
        }
        if (r.stoppedAtBadRecord()) {
            stoppedAt.put(r.file(), r.offset());
        } else {
            stoppedAt.remove(r.file());
        }
    }

    private void emit(ScalarPoint p) {
        String tag = p.tag();
        if (isPerEpoch(tag)) {
            int epoch = (int) p.step();
            listener.onEvent(new RunEvent.Metric(tag, epoch, epoch, p.value()));
            return;
        }
        long step = steps.runStep(p.step());
        if (tag.equals("loss/average")) {
            hasLoss = true;
        }
        listener.onEvent(new RunEvent.Metric(tag, step, steps.epochOf(step), p.value()));
    }

    /** sd-scripts' per-epoch tags: the last part of the name starts with {@code epoch_}. */
    static boolean isPerEpoch(String tag) {
        int slash = tag.lastIndexOf('/');
        return tag.substring(slash + 1).startsWith("epoch_");
    }

    private void reportOnce(String key, String message) {
        if (reported.add(key)) {
            listener.onEvent(new RunEvent.LogLine(true, message));
        }
    }
}
