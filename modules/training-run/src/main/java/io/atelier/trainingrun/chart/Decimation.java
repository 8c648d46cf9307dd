package io.atelier.trainingrun.chart;

import org.jfree.data.xy.XYSeries;

/**
 * What the plot draws of a long series (computed off the event thread): per bucket of the visible step range, the first, lowest, highest and last
 * value in step order, so every spike and the shape survive while the plot draws a few thousand points instead of
 * 100,000 (JFreeChart visits every item of a dataset on every redraw, whatever the renderer). The full series stays
 * in the model for smoothing, the CSV and the status line.
 */
final class Decimation {

    /** Buckets across the visible range: with first, lowest, highest and last of each, about 2 points per pixel column
     * of a typical plot; more only costs paint time (JFreeChart on a software-rendered display: ~40 ms per 10,000). */
    static final int BUCKETS = 600;

    private Decimation() {
    }

    /** The decimated part of {@code full} in [lo, hi] (NaN: all), with one neighbour outside each side. */
    static ChartFrame.Line of(XYSeries full, double lo, double hi) {
        Points view = new Points();
        int n = full.getItemCount();
        if (n == 0) {
            return view.line(String.valueOf(full.getKey()));
        }
        int first = Double.isNaN(lo) ? 0 : Math.max(0, lowerIndex(full, lo) - 1);
        int last = Double.isNaN(hi) ? n - 1 : Math.min(n - 1, lowerIndex(full, hi) + 1);
        if (last - first + 1 <= BUCKETS * 4) {
            for (int i = first; i <= last; i++) {
                view.add(full, i);
            }
            return view.line(String.valueOf(full.getKey()));
        }
        double x0 = full.getX(first).doubleValue();
        double width = (full.getX(last).doubleValue() - x0) / BUCKETS;
        int i = first;
        while (i <= last) {
            double end = x0 + width * (Math.floor((full.getX(i).doubleValue() - x0) / width) + 1);
            int minAt = i;
            int maxAt = i;
            int start = i;
            while (i <= last && (full.getX(i).doubleValue() < end || i == start)) {
                double y = full.getY(i).doubleValue();
                if (y < full.getY(minAt).doubleValue() || Double.isNaN(y)) {
                    minAt = i;
                }
                if (y > full.getY(maxAt).doubleValue()) {
                    maxAt = i;
                }
                i++;
            }
            int[] order = {start, Math.min(minAt, maxAt), Math.max(minAt, maxAt), i - 1};
            int previous = -1;
            for (int index : order) {
                if (index != previous) {
                    view.add(full, index);
                    previous = index;
                }
            }
        }
        return view.line(String.valueOf(full.getKey()));
    }

    /** A growing pair of coordinate arrays. */
    private static final class Points {
        private double[] x = new double[256];
        private double[] y = new double[256];
        private int size;

        void add(XYSeries s, int index) {
            if (size == x.length) {
                x = java.util.Arrays.copyOf(x, size * 2);
                y = java.util.Arrays.copyOf(y, size * 2);
            }
            x[size] = s.getX(index).doubleValue();
            y[size] = s.getY(index).doubleValue();
            size++;
        }

        ChartFrame.Line line(String name) {
            return new ChartFrame.Line(name, java.util.Arrays.copyOf(x, size), java.util.Arrays.copyOf(y, size));
        }
    }

    /** The index of the first item at or after {@code x} (the item count when none). */
    private static int lowerIndex(XYSeries s, double x) {
        int lo = 0;
        int hi = s.getItemCount();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.getX(mid).doubleValue() < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
