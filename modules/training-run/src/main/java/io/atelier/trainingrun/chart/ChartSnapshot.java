package io.atelier.trainingrun.chart;

import java.util.Map;
import java.util.NavigableMap;

/**
 * A copy of a run's chart data, taken on the event thread and exported off it.
 *
 * @param steps       step series by metric name, step → value
 * @param smoothed    the smoothed loss, step → value
 * @param epochStarts first step of each epoch → epoch
 * @param epochEnds   epoch → its last step
 * @param perEpoch    per-epoch metrics by name, epoch → value
 */
public record ChartSnapshot(Map<String, NavigableMap<Long, Double>> steps, NavigableMap<Long, Double> smoothed,
                            double smoothing, NavigableMap<Long, Integer> epochStarts,
                            NavigableMap<Integer, Long> epochEnds,
                            Map<String, NavigableMap<Integer, Double>> perEpoch) {

    /** The epoch of a step; -1 before the first known epoch. */
    public int epochOf(long step) {
        Map.Entry<Long, Integer> e = epochStarts.floorEntry(step);
        return e == null ? -1 : e.getValue();
    }
}
