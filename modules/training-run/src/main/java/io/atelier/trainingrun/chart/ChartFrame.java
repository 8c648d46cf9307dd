package io.atelier.trainingrun.chart;

import java.util.List;
import java.util.NavigableMap;

/**
 * What the loss chart shows at one moment, computed off the event thread by {@link MetricChartModel#frame()}: a few
 * thousand points per line however long the run, so the event thread only swaps them in and paints.
 *
 * @param loss        the loss lines, the smoothed one first
 * @param rates       the learning-rate lines (second axis)
 * @param epochValues per-epoch values, placed at the last step of their epoch
 * @param epochStarts the step where each epoch after the first begins, with its number
 * @param lossSteps   steps of the loss series (raw loss, else the average)
 * @param points      metric values taken in so far
 */
public record ChartFrame(List<Line> loss, List<Line> rates, List<Line> epochValues,
                         NavigableMap<Long, Integer> epochStarts, int lossSteps, long points) {

    /** One line: its metric name and its points in step order. */
    public record Line(String name, double[] x, double[] y) {
        public int size() {
            return x.length;
        }
    }
}
