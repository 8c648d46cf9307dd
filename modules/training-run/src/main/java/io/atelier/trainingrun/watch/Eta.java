package io.atelier.trainingrun.watch;

import io.atelier.core.run.RunEvent;
import java.util.Locale;

/** The progress line of a run: step of total, epoch, rate and the time left at that rate. */
public final class Eta {

    private Eta() {
    }

    /** "step 120 / 1,600 · epoch 2 / 10 · 1.35 it/s · 18 min 16 s left"; parts the engine did not report are left out. */
    public static String text(RunEvent.Progress p) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "step %,d", p.step()));
        if (p.totalSteps() > 0) {
            s.append(String.format(Locale.ROOT, " / %,d", p.totalSteps()));
        }
        if (p.totalEpochs() > 0) {
            s.append(String.format(Locale.ROOT, " \u00b7 epoch %d / %d", p.epoch(), p.totalEpochs()));
        }
        if (p.stepsPerSecond() > 0) {
            s.append(p.stepsPerSecond() >= 1
                    ? String.format(Locale.ROOT, " \u00b7 %.2f it/s", p.stepsPerSecond())
                    : String.format(Locale.ROOT, " \u00b7 %.2f s/it", 1 / p.stepsPerSecond()));
        }
        s.append(" \u00b7 ").append(left(p));
        return s.toString();
    }

    /** The time left at the reported rate, or why it is not known. */
    public static String left(RunEvent.Progress p) {
        if (p.totalSteps() <= 0) {
            return "time left unknown";
        }
        if (p.step() >= p.totalSteps()) {
            return "finishing";
        }
        if (p.stepsPerSecond() <= 0) {
            return "time left unknown";
        }
        long seconds = Math.round((p.totalSteps() - p.step()) / p.stepsPerSecond());
        return duration(seconds) + " left";
    }

    /** "45 s", "3 min 05 s", "2 h 07 min". */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
