package io.atelier.gallery.compare;

import io.atelier.store.MetricPoint;
import io.atelier.trainingrun.chart.Ema;
import java.util.List;

/**
 * The lines of one run in the overlaid loss chart: its {@code loss/current} smoothed, and its per-epoch validation
 * loss, placed on a common x axis so runs with different step counts per epoch can be laid over each other. Pure: the
 * chart computes these off the event thread and only swaps them in.
 */
public final class LossCurves {

    /** What the x axis counts. */
    public enum Axis {
        STEP("Step"), EPOCH("Epoch");

        private final String title;

        Axis(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One line: x and y of equal length. */
    public record Line(double[] x, double[] y) {
        public int size() {
            return x.length;
        }
    }

    /** More points than a chart is wide gain nothing and cost paint time; a smoothed line is safe to average down. */
    static final int MAX_POINTS = 2000;

    private LossCurves() {
    }

    /**
     * Steps per epoch as the run recorded them: the last step of its first epoch that has a successor (a finished
     * epoch), 0 when no epoch has finished yet.
     */
    public static long stepsPerEpoch(List<MetricPoint> steps) {
        if (steps.isEmpty()) {
            return 0;
        }
        int first = steps.stream().mapToInt(MetricPoint::epoch).min().orElse(0);
        boolean finished = steps.stream().anyMatch(p -> p.epoch() > first);
        if (!finished) {
            return 0;
        }
        long lastStep = steps.stream().filter(p -> p.epoch() == first).mapToLong(MetricPoint::step).max().orElse(0);
        // epochs count from 1, so the first epoch's last step is its length
        return first >= 1 ? lastStep / first : lastStep;
    }

    /** Where a per-step point lies: its step, or by epoch step ÷ steps-per-epoch (its epoch when that is unknown). */
    static double x(MetricPoint p, Axis axis, long stepsPerEpoch) {
        if (axis == Axis.STEP) {
            return p.step();
        }
        return stepsPerEpoch > 0 ? (double) p.step() / stepsPerEpoch : p.epoch();
    }

    /** The loss per step, smoothed with TensorBoard's debiased EMA (weight 0 = raw), decimated. */
    public static Line loss(List<MetricPoint> steps, double smoothing, Axis axis, long stepsPerEpoch) {
        double[] raw = steps.stream().mapToDouble(MetricPoint::value).toArray();
        double[] y = Ema.smooth(raw, smoothing);
        double[] x = steps.stream().mapToDouble(p -> x(p, axis, stepsPerEpoch)).toArray();
        return decimate(x, y, MAX_POINTS);
    }

    /**
     * The per-epoch values (their step is the epoch number, as both engines write them): at the epoch by epoch, at
     * the epoch's last step by step (epoch × steps-per-epoch; the epoch itself when that is unknown).
     */
    public static Line perEpoch(List<MetricPoint> epochValues, Axis axis, long stepsPerEpoch) {
        double[] x = epochValues.stream().mapToDouble(p -> axis == Axis.EPOCH || stepsPerEpoch <= 0 ? p.step()
                : (double) p.step() * stepsPerEpoch).toArray();
        double[] y = epochValues.stream().mapToDouble(MetricPoint::value).toArray();
        return new Line(x, y);
    }

    /** Averages consecutive points into at most {@code max} buckets (x and y alike); shorter lines pass unchanged. */
    static Line decimate(double[] x, double[] y, int max) {
        int n = x.length;
        if (n <= max) {
            return new Line(x, y);
        }
        double[] dx = new double[max];
        double[] dy = new double[max];
        for (int b = 0; b < max; b++) {
            int from = (int) ((long) b * n / max);
            int to = (int) ((long) (b + 1) * n / max);
            double sx = 0;
            double sy = 0;
            int count = 0;
            for (int i = from; i < to; i++) {
                if (Double.isFinite(y[i])) {
                    sx += x[i];
                    sy += y[i];
                    count++;
                }
            }
            dx[b] = count == 0 ? x[from] : sx / count;
            dy[b] = count == 0 ? Double.NaN : sy / count;
        }
        return new Line(dx, dy);
    }
}
