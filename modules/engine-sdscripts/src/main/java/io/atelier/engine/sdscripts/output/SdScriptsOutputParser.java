package io.atelier.engine.sdscripts.output;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunListener;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns sd-scripts' console output into run events (reference/sd-scripts.md §8): the streams are split on both
 * {@code \r} (tqdm redraws) and {@code \n}; every line becomes a {@link RunEvent.LogLine}; the main bar gives progress
 * and {@code loss/average}; {@code epoch e/E} lines, {@code saving checkpoint: …} and {@code model saved.} mark the
 * run's course; {@code No data found} marks the exit-0 failure. One parser per stream (not thread-safe); what both
 * streams learn is shared through {@link Course}.
 */
public final class SdScriptsOutputParser {

    private static final Pattern EPOCH = Pattern.compile("^epoch (\\d+)/(\\d+)$");
    private static final Pattern CHECKPOINT = Pattern.compile("^saving checkpoint: (.+)$");
    private static final Pattern TOTAL_STEPS = Pattern.compile("total optimization steps / .*?: (\\d+)");

    private final boolean stderr;
    private final Course course;
    private final RunListener listener;
    private final StringBuilder pending = new StringBuilder();

    /**
     * @param stderr which stream this parser reads
     * @param course what both streams' parsers learn about the run (epoch, totals, whether the model was saved)
     */
    public SdScriptsOutputParser(boolean stderr, Course course, RunListener listener) {
        this.stderr = stderr;
        this.course = course;
        this.listener = listener;
    }

    /** Feeds decoded output as it arrives, in any chunks. */
    public void accept(CharSequence chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n' || c == '\r') {
                flushLine();
            } else {
                pending.append(c);
            }
        }
    }

    /** The stream ended: the last line without a line break counts too. */
    public void close() {
        flushLine();
    }

    private void flushLine() {
        if (pending.length() == 0) {
            return;
        }
        String line = pending.toString();
        pending.setLength(0);
        listener.onEvent(new RunEvent.LogLine(stderr, line));
        interpret(line.strip());
    }

    private void interpret(String line) {
        ProgressLine bar = ProgressLine.parse(line);
        if (bar != null) {
            course.progress(bar.step(), bar.total());
            listener.onEvent(new RunEvent.Progress(bar.step(), bar.total(), course.epoch(), course.totalEpochs(),
                    bar.stepsPerSecond()));
            bar.averageLoss().ifPresent(loss ->
                    listener.onEvent(new RunEvent.Metric("loss/average", bar.step(), course.epoch(), loss)));
            return;
        }
        Matcher epoch = EPOCH.matcher(line);
        if (epoch.matches()) {
            course.epoch(Integer.parseInt(epoch.group(1)), Integer.parseInt(epoch.group(2)));
            return;
        }
        Matcher checkpoint = CHECKPOINT.matcher(line);
        if (checkpoint.matches()) {
            Path file = Path.of(checkpoint.group(1).strip());
            listener.onEvent(new RunEvent.CheckpointSaved(file, course.epoch(), course.step()));
            return;
        }
        Matcher total = TOTAL_STEPS.matcher(line);
        if (total.find()) {
            course.progress(course.step(), Long.parseLong(total.group(1)));
            return;
        }
        if (line.equals("model saved.") || line.endsWith(" model saved.")) {
            course.markModelSaved();
        } else if (line.contains("No data found. Please verify arguments")) {
            course.markFailure("sd-scripts found no training data (No data found): check the dataset folder and its "
                    + "repeats");
        } else if (line.contains("CUDA out of memory")) {
            course.markFailure("the GPU ran out of memory: lower the batch size or the resolution, or turn on gradient "
                    + "checkpointing");
        } else if (line.contains("No bitsandbytes")) {
            course.markFailure("bitsandbytes is not installed in sd-scripts' Python (needed by 8-bit optimizers)");
        }
    }

    /** What the parsers of both streams know about the run so far; thread-safe. */
    public static final class Course {
        private int epoch;
        private int totalEpochs;
        private long step;
        private long totalSteps;
        private boolean modelSaved;
        private String failure;

        synchronized void epoch(int e, int of) {
            epoch = e;
            totalEpochs = of;
        }

        synchronized void progress(long s, long total) {
            step = s;
            totalSteps = total;
        }

        synchronized void markModelSaved() {
            modelSaved = true;
        }

        synchronized void markFailure(String reason) {
            if (failure == null) {
                failure = reason;
            }
        }

        public synchronized int epoch() {
            return epoch;
        }

        public synchronized int totalEpochs() {
            return totalEpochs;
        }

        public synchronized long step() {
            return step;
        }

        public synchronized long totalSteps() {
            return totalSteps;
        }

        /** The final {@code model saved.} line came: the run really produced its LoRA. */
        public synchronized boolean modelSaved() {
            return modelSaved;
        }

        /** The first failure the output explained, or null. */
        public synchronized String failure() {
            return failure;
        }

        /**
         * The outcome of a process that exited with {@code exitCode}: exit 0 is only a success when the model was
         * saved and no failure was seen (sd-scripts exits 0 after "No data found").
         */
        public synchronized RunEvent.Finished outcome(int exitCode) {
            if (exitCode == 0 && modelSaved && failure == null) {
                return new RunEvent.Finished(io.atelier.core.run.RunState.SUCCEEDED, null);
            }
            String reason = failure != null ? failure
                    : exitCode != 0 ? "sd-scripts exited with code " + exitCode
                    : "sd-scripts ended without saving the model";
            return new RunEvent.Finished(io.atelier.core.run.RunState.FAILED, reason);
        }
    }
}
