package io.atelier.trainingrun.runs;

import io.atelier.core.run.RunState;
import io.atelier.store.StoredRun;
import io.atelier.trainingrun.watch.Eta;
import io.atelier.trainingrun.watch.RunNames;
import java.time.Duration;
import java.time.Instant;

/**
 * A run as the Runs window shows it.
 *
 * @param baseModel     the base model's file name without extension, "?" when the spec cannot be read
 * @param folderMissing the project folder is gone (deleted or on an unplugged disk)
 * @param bestEpoch     the epoch picked as best in the gallery, or null
 */
public record RunRow(StoredRun run, String project, String baseModel, boolean folderMissing, Integer bestEpoch) {

    public RunRow(StoredRun run, String project, String baseModel, boolean folderMissing) {
        this(run, project, baseModel, folderMissing, null);
    }

    public String stateText() {
        String s = run.state().name().charAt(0) + run.state().name().substring(1).toLowerCase(java.util.Locale.ROOT);
        if (run.state() == RunState.QUEUED && run.resume()) {
            s += " (resume)";
        }
        return folderMissing ? s + " \u2014 folder missing" : s;
    }

    public String progressText() {
        var p = run.progress();
        if (p == null) {
            return "";
        }
        return p.totalSteps() > 0 ? String.format(java.util.Locale.ROOT, "%,d / %,d", p.step(), p.totalSteps())
                : String.format(java.util.Locale.ROOT, "%,d", p.step());
    }

    public String epochText() {
        var p = run.progress();
        if (p == null) {
            return "";
        }
        return p.totalEpochs() > 0 ? p.epoch() + " / " + p.totalEpochs() : Integer.toString(p.epoch());
    }

    /** From its last start to its end, or to {@code now} while it goes. */
    public String durationText(Instant now) {
        if (run.started() == null) {
            return "";
        }
        Instant end = run.ended() != null && !run.state().live() ? run.ended() : now;
        return Eta.duration(Math.max(0, Duration.between(run.started(), end).getSeconds()));
    }

    public String bestText() {
        return bestEpoch == null ? "" : Integer.toString(bestEpoch);
    }

    public String name() {
        return RunNames.of(run);
    }
}
