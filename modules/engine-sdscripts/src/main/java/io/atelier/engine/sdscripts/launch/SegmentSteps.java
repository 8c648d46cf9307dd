package io.atelier.engine.sdscripts.launch;

import io.atelier.engine.sdscripts.output.SdScriptsOutputParser;

/**
 * Turns a segment's own step numbers into the run's: sd-scripts restarts {@code global_step} at 0 on resume while
 * its epochs continue (reference §10.2), so every step of a segment is reported plus the step count the run had when
 * the segment began. Also places steps in epochs, which file names and event files do not say: sd-scripts'
 * {@code max_train_steps} is epochs × steps per epoch, so an epoch is {@code ceil(step / steps per epoch)}.
 */
final class SegmentSteps {

    private final long offset;
    private final int totalEpochs;
    private final SdScriptsOutputParser.Course course;

    SegmentSteps(long offset, int totalEpochs, SdScriptsOutputParser.Course course) {
        this.offset = offset;
        this.totalEpochs = totalEpochs;
        this.course = course;
    }

    long offset() {
        return offset;
    }

    int totalEpochs() {
        return totalEpochs;
    }

    /** The run's step for a step sd-scripts reported in this segment. */
    long runStep(long segmentStep) {
        return segmentStep + offset;
    }

    /** Steps per epoch from the run's total (the console's {@code total optimization steps}), 0 while unknown. */
    long stepsPerEpoch() {
        long total = course.totalSteps();
        return total > 0 && totalEpochs > 0 ? total / totalEpochs : 0;
    }

    /** The epoch (1-based) a run step falls in; the console's current epoch while steps per epoch are unknown. */
    int epochOf(long runStep) {
        long spe = stepsPerEpoch();
        if (spe <= 0) {
            return course.epoch();
        }
        long e = (runStep + spe - 1) / spe;
        return (int) Math.max(1, Math.min(totalEpochs, e));
    }

    /** The run step at the end of {@code epoch}: where sd-scripts saves that epoch's checkpoint and samples. */
    long stepAtEndOf(int epoch) {
        long spe = stepsPerEpoch();
        return spe > 0 ? epoch * spe : runStep(course.step());
    }
}
