package io.atelier.gallery.compare;

import io.atelier.core.compare.RunComparison;
import io.atelier.core.gallery.EpochGrid;
import io.atelier.core.run.RunSpec;
import io.atelier.store.MetricPoint;
import io.atelier.store.StoredRun;
import java.util.List;
import java.util.Map;

/**
 * One run as the Compare window holds it, read once off the event thread.
 *
 * @param loss       its {@code loss/current} points in step order
 * @param validation its {@code loss/validation/epoch_average} points (step = epoch), empty when it had no validation
 * @param results    final values by name, for the results rows
 * @param bestEpoch  the picked epoch, or null
 * @param grid       its samples on its own base model, one column per prompt
 */
public record ComparedRun(StoredRun run, RunSpec spec, String label, List<MetricPoint> loss,
        List<MetricPoint> validation, Map<String, Double> results, Integer bestEpoch, EpochGrid grid) {

    public static final String LOSS = "loss/current";
    public static final String VALIDATION = "loss/validation/epoch_average";

    public ComparedRun {
        loss = List.copyOf(loss);
        validation = List.copyOf(validation);
        results = Map.copyOf(results);
    }

    public RunComparison.Compared compared() {
        String state = run.state().name().charAt(0) + run.state().name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return new RunComparison.Compared(label, spec, state, results, bestEpoch);
    }
}
