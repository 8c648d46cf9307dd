package io.atelier.trainingrun.chart;

import io.atelier.store.MetricPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.data.xy.XYSeries;

/**
 * What the loss chart of one run shows, built up from the store's metric points in the order they were written: one
 * series per metric by step (a value for a step that is already there replaces it), the smoothed loss, the learning
 * rates, the epochs with their first and last step, and the per-epoch values ({@code loss/epoch_average}, whose step
 * is the epoch number) placed at the last step of their epoch. {@link #frame()} decimates it all for the visible step
 * range into a {@link ChartFrame} the event thread swaps into the plot. Confined to one thread (the metric poller's),
 * so the event thread never spends time on 100,000 values.
 */
public final class MetricChartModel {

    public static final String CURRENT = "loss/current";
    public static final String AVERAGE = "loss/average";
    public static final String VALIDATION = "loss/validation/step_average";
    public static final String SMOOTHED_KEY = "loss (smoothed)";

    private final Map<String, XYSeries> bySteps = new TreeMap<>();
    private final Map<String, NavigableMap<Integer, Double>> byEpoch = new TreeMap<>();
    private final XYSeries smoothed = quiet(SMOOTHED_KEY);
    /** epoch → {first step, last step} seen in the step series. */
    private final NavigableMap<Integer, long[]> epochs = new TreeMap<>();
    private final Ema ema;
    /** The step series in the order they arrived: loss lines, learning rates. */
    private final List<XYSeries> lossLines = new ArrayList<>();
    private final List<XYSeries> rateLines = new ArrayList<>();
    private final Map<String, NavigableMap<Long, Double>> epochDots = new TreeMap<>();
    private double visibleLo = Double.NaN;
    private double visibleHi = Double.NaN;
    private XYSeries source;
    private long lastSeq;
    private long points;

    public MetricChartModel(double smoothing) {
        ema = new Ema(smoothing);
    }

    /**
     * What one batch changed.
     *
     * @param epochStarts an epoch began, or began at another step: the boundary marks move
     */
    public record Change(boolean series, boolean epochStarts) {
        public boolean any() {
            return series || epochStarts;
        }
    }

    /** Limits the next frames to the steps in [lo, hi] (NaN: all): what the plot's zoom shows. */
    public void setVisibleRange(double lo, double hi) {
        visibleLo = lo;
        visibleHi = hi;
    }

    /** What the chart shows now, decimated for the visible range. */
    public ChartFrame frame() {
        List<ChartFrame.Line> loss = new ArrayList<>();
        if (!lossLines.isEmpty()) {
            loss.add(Decimation.of(smoothed, visibleLo, visibleHi));
        }
        lossLines.forEach(s -> loss.add(Decimation.of(s, visibleLo, visibleHi)));
        List<ChartFrame.Line> rates = rateLines.stream().map(s -> Decimation.of(s, visibleLo, visibleHi)).toList();
        List<ChartFrame.Line> dots = new ArrayList<>();
        epochDots.forEach((name, values) -> dots.add(new ChartFrame.Line(name,
                values.keySet().stream().mapToDouble(Long::doubleValue).toArray(),
                values.values().stream().mapToDouble(Double::doubleValue).toArray())));
        XYSeries steps = bySteps.containsKey(CURRENT) ? bySteps.get(CURRENT) : bySteps.get(AVERAGE);
        return new ChartFrame(loss, rates, dots, epochStarts(), steps == null ? 0 : steps.getItemCount(), points);
    }

    public XYSeries smoothed() {
        return smoothed;
    }

    /** The series of a metric by step, or null. */
    public XYSeries series(String name) {
        return bySteps.get(name);
    }

    public long lastSeq() {
        return lastSeq;
    }

    /** Metric points taken in so far (replacements included). */
    public long points() {
        return points;
    }

    public double smoothing() {
        return ema.weight();
    }

    /** The steps where an epoch after the first one begins, with that epoch's number. */
    public NavigableMap<Long, Integer> epochStarts() {
        NavigableMap<Long, Integer> starts = new TreeMap<>();
        epochs.entrySet().stream().skip(1).forEach(e -> starts.put(e.getValue()[0], e.getKey()));
        return starts;
    }

    public Map<String, NavigableMap<Integer, Double>> epochSeries() {
        return Collections.unmodifiableMap(byEpoch);
    }

    public Set<String> stepSeriesNames() {
        return Collections.unmodifiableSet(bySteps.keySet());
    }

    /** Takes in points written after {@link #lastSeq()}, in write order. */
    public Change apply(List<MetricPoint> batch) {
        boolean seriesChanged = false;
        boolean startsChanged = false;
        boolean spansChanged = false;
        int firstSourceChange = Integer.MAX_VALUE;
        for (MetricPoint p : batch) {
            lastSeq = Math.max(lastSeq, p.seq());
            points++;
            if (perEpoch(p.name())) {
                byEpoch.computeIfAbsent(p.name(), n -> new TreeMap<>()).put((int) p.step(), p.value());
                spansChanged = true;
                continue;
            }
            XYSeries s = bySteps.computeIfAbsent(p.name(), this::newSeries);
            s.addOrUpdate(p.step(), p.value());
            seriesChanged = true;
            int epochChange = noteEpoch(p.epoch(), p.step());
            startsChanged |= epochChange == 2;
            spansChanged |= epochChange > 0;
            if (s == source) {
                firstSourceChange = Math.min(firstSourceChange, s.indexOf(p.step()));
            }
        }
        XYSeries wanted = bySteps.containsKey(CURRENT) ? bySteps.get(CURRENT) : bySteps.get(AVERAGE);
        if (wanted != source) {
            source = wanted; // the raw loss arrived after the averages: smooth the raw loss instead
            firstSourceChange = 0;
        }
        if (source != null && firstSourceChange != Integer.MAX_VALUE) {
            resmooth(firstSourceChange);
        }
        if (spansChanged && !byEpoch.isEmpty()) {
            placeEpochValues();
        }
        return new Change(seriesChanged || spansChanged && !byEpoch.isEmpty(), startsChanged);
    }

    /** Smoothing weight 0..0.999; recomputes the whole smoothed curve. */
    public void setSmoothing(double weight) {
        ema.setWeight(weight);
        if (source != null) {
            resmooth(0);
        }
    }

    /** Recomputes the smoothed curve from {@code index} of the source on. */
    private void resmooth(int index) {
        int from = Math.max(0, Math.min(index, Math.min(ema.size(), smoothed.getItemCount())));
        if (from < smoothed.getItemCount()) {
            smoothed.delete(from, smoothed.getItemCount() - 1);
        }
        ema.truncate(from);
        for (int i = from; i < source.getItemCount(); i++) {
            smoothed.add(source.getX(i).doubleValue(), ema.next(source.getY(i).doubleValue()), false);
        }
    }

    /** 2 = a new epoch or an earlier first step, 1 = a later last step, 0 = nothing new. */
    private int noteEpoch(int epoch, long step) {
        long[] span = epochs.get(epoch);
        if (span == null) {
            epochs.put(epoch, new long[]{step, step});
            return 2;
        }
        if (step < span[0]) {
            span[0] = step;
            return 2;
        }
        if (step > span[1]) {
            span[1] = step;
            return 1;
        }
        return 0;
    }

    /** The per-epoch values at the last step of their epoch, once that epoch's steps are known. */
    private void placeEpochValues() {
        for (Map.Entry<String, NavigableMap<Integer, Double>> e : byEpoch.entrySet()) {
            NavigableMap<Long, Double> dots = new TreeMap<>();
            for (Map.Entry<Integer, Double> v : e.getValue().entrySet()) {
                long[] span = epochs.get(v.getKey());
                if (span != null) {
                    dots.put(span[1], v.getValue());
                }
            }
            epochDots.put(e.getKey(), dots);
        }
    }

    private XYSeries newSeries(String name) {
        XYSeries s = quiet(name);
        if (name.startsWith("lr/")) {
            rateLines.add(s);
        } else if (name.startsWith("loss/")) {
            lossLines.add(s); // the smoothed line goes first (frame()), so it keeps one colour
        }
        return s; // other metrics are kept for the CSV export only
    }

    /** Metrics whose step is the epoch number: {@code loss/epoch_average}, {@code loss/validation/epoch_*}. */
    static boolean perEpoch(String name) {
        return name.equals("loss/epoch_average") || name.startsWith("loss/validation/epoch_");
    }

    private static XYSeries quiet(String key) {
        XYSeries s = new XYSeries(key, true, false);
        s.setNotify(false);
        return s;
    }

    /** The distinct epochs seen by the step series. */
    public Set<Integer> epochs() {
        return new TreeSet<>(epochs.keySet());
    }

    /** A copy of everything shown, for an export written off the event thread. */
    public ChartSnapshot snapshot() {
        Map<String, NavigableMap<Long, Double>> steps = new LinkedHashMap<>();
        bySteps.forEach((name, s) -> steps.put(name, values(s)));
        NavigableMap<Long, Integer> starts = new TreeMap<>();
        epochs.forEach((epoch, span) -> starts.put(span[0], epoch));
        Map<String, NavigableMap<Integer, Double>> perEpoch = new LinkedHashMap<>();
        byEpoch.forEach((name, v) -> perEpoch.put(name, new TreeMap<>(v)));
        NavigableMap<Integer, Long> lastSteps = new TreeMap<>();
        epochs.forEach((epoch, span) -> lastSteps.put(epoch, span[1]));
        return new ChartSnapshot(steps, values(smoothed), ema.weight(), starts, lastSteps, perEpoch);
    }

    private static NavigableMap<Long, Double> values(XYSeries s) {
        NavigableMap<Long, Double> values = new TreeMap<>();
        for (int i = 0; i < s.getItemCount(); i++) {
            values.put(s.getX(i).longValue(), s.getY(i).doubleValue());
        }
        return values;
    }
}
