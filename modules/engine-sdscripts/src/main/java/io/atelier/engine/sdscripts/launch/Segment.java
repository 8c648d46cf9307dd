package io.atelier.engine.sdscripts.launch;

import java.util.Objects;
import java.util.Optional;

/**
 * One launch of sd-scripts within a run: the first start, then one per resume. Each writes into folders of its own so
 * no earlier checkpoint, sample or event file can be overwritten, and adds {@code stepOffset} to the steps it reports
 * because sd-scripts restarts {@code global_step} at 0 on resume (reference §10.2).
 *
 * @param index       1 for the start, 2 for the first resume, ...
 * @param outputDir   {@code output_dir}, relative to the run folder ({@code out}, {@code out-resume1}, ...)
 * @param loggingDir  {@code logging_dir}, relative to the run folder ({@code logs}, {@code logs-resume1}, ...)
 * @param configFile  the {@code --config_file}, relative to the run folder
 * @param stepOffset  the run's step count when this segment began
 * @param resumedFrom the state folder it continued from, relative to the run folder; empty for the first
 */
public record Segment(int index, String outputDir, String loggingDir, String configFile, long stepOffset,
                      Optional<String> resumedFrom) {

    public Segment {
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(loggingDir, "loggingDir");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(resumedFrom, "resumedFrom");
        if (index < 1 || stepOffset < 0) {
            throw new IllegalArgumentException("segment " + index + " with step offset " + stepOffset);
        }
    }

    /** The first launch: {@code out/}, {@code logs/}, {@code train.toml}, as {@code RunPaths.inRunFolder} lays out. */
    public static Segment first() {
        return new Segment(1, "out", "logs", "train.toml", 0, Optional.empty());
    }

    /** The segment after {@code count} existing ones, continuing at {@code stepOffset} from {@code state}. */
    public static Segment resume(int count, long stepOffset, String state) {
        int k = count; // resumes so far + 1
        return new Segment(count + 1, "out-resume" + k, "logs-resume" + k, "train-resume" + k + ".toml", stepOffset,
                Optional.of(state));
    }
}
