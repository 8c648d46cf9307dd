package io.atelier.trainingrun.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The loss chart of one run: the loss series on the left axis (raw loss faint, the smoothed curve strong), the learning
 * rates on a second axis on the right, per-epoch values as dots, epoch boundaries as dashed lines. It draws
 * {@link ChartFrame}s: a few thousand points per line for the visible step range, computed off the event thread, so
 * 100,000 steps cost what the chart's width costs. A frame is swapped in with the chart's notifications held: one
 * redraw per frame. Zoom and pan are reported so the next frame covers the new range. Event thread.
 */
public final class LossChart {

    private static final Color RAW = new Color(0x1f, 0x77, 0xb4, 90);
    private static final Color SMOOTHED = new Color(0x0b, 0x3c, 0x7d);
    private static final Color AVERAGE = new Color(0xe0, 0x7b, 0x00);
    private static final Color VALIDATION = new Color(0x2c, 0xa0, 0x2c);
    private static final Color EPOCH = new Color(0xd6, 0x27, 0x28);
    private static final Color[] RATES = {new Color(0x8e, 0x44, 0xad), new Color(0x7f, 0x7f, 0x7f),
        new Color(0xc0, 0x39, 0x2b), new Color(0x16, 0xa0, 0x85)};
    private static final BasicStroke EPOCH_STROKE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[]{4f, 4f}, 0f);

    private final XYSeriesCollection loss = new XYSeriesCollection();
    private final XYSeriesCollection rates = new XYSeriesCollection();
    private final XYSeriesCollection epochValues = new XYSeriesCollection();
    private final JFreeChart chart;
    private final XYPlot plot;
    private final SamplingXYLineRenderer lossRenderer = new SamplingXYLineRenderer();
    private final SamplingXYLineRenderer rateRenderer = new SamplingXYLineRenderer();
    private double shownLo = Double.NaN;
    private double shownHi = Double.NaN;

    private ChartFrame shown = new ChartFrame(List.of(), List.of(), List.of(), new java.util.TreeMap<>(), 0, 0);
    private java.util.function.BiConsumer<Double, Double> zoomed = (lo, hi) -> { };

    public LossChart() {
        NumberAxis steps = new NumberAxis("Step");
        steps.setAutoRangeIncludesZero(false);
        steps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis loss = new NumberAxis("Loss");
        loss.setAutoRangeIncludesZero(false);
        NumberAxis rate = new NumberAxis("Learning rate");
        rate.setAutoRangeIncludesZero(true);
        rate.setNumberFormatOverride(new DecimalFormat("0.0#E0"));
        plot = new XYPlot(this.loss, steps, loss, lossRenderer);
        plot.setDataset(1, rates);
        plot.setRangeAxis(1, rate);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, rateRenderer);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(true, true);
        dots.setAutoPopulateSeriesPaint(false);
        dots.setDefaultPaint(EPOCH);
        dots.setDefaultStroke(new BasicStroke(1.5f));
        plot.setDataset(2, epochValues);
        plot.setRenderer(2, dots);
        // the loss first, the learning rate over it, the per-epoch dots on top
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        lossRenderer.setDefaultStroke(new BasicStroke(1f));
        rateRenderer.setDefaultStroke(new BasicStroke(1f));
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        // anti-aliased lines double the paint time of thousands of segments (software-rendered displays most);
        // at two points per pixel column the noisy loss looks the same without it. Text stays smooth.
        chart.setAntiAlias(false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        // zoom and pan change what part of the series is decimated into the views (after the event, not inside it)
        steps.addChangeListener(e -> javax.swing.SwingUtilities.invokeLater(() -> followZoom(steps)));
    }

    /** Tells {@code listener} the visible step range (NaN, NaN: all) whenever zoom or pan change it. */
    public void onZoom(java.util.function.BiConsumer<Double, Double> listener) {
        zoomed = listener;
    }

    private void followZoom(NumberAxis steps) {
        double lo = steps.isAutoRange() ? Double.NaN : steps.getLowerBound();
        double hi = steps.isAutoRange() ? Double.NaN : steps.getUpperBound();
        if (same(lo, shownLo) && same(hi, shownHi)) {
            return;
        }
        shownLo = lo;
        shownHi = hi;
        zoomed.accept(lo, hi);
    }

    private static boolean same(double a, double b) {
        return Double.isNaN(a) ? Double.isNaN(b) : a == b;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** The frame shown now. */
    public ChartFrame shown() {
        return shown;
    }

    /** Swaps in a frame and redraws once. */
    public void show(ChartFrame frame) {
        chart.setNotify(false);
        try {
            boolean lines = fill(loss, frame.loss()) | fill(rates, frame.rates()) | fill(epochValues,
                    frame.epochValues());
            if (lines) {
                style();
            }
            if (!frame.epochStarts().equals(shown.epochStarts())) {
                markEpochs(frame.epochStarts());
            }
            shown = frame;
        } finally {
            chart.setNotify(true); // the one change event of this frame
        }
    }

    /** Puts the lines into the collection's series (added as lines appear); true when a series was added. */
    private static boolean fill(XYSeriesCollection collection, List<ChartFrame.Line> lines) {
        boolean added = false;
        for (ChartFrame.Line line : lines) {
            int index = collection.getSeriesIndex(line.name());
            XYSeries s;
            if (index < 0) {
                s = new XYSeries(line.name(), false, true);
                collection.addSeries(s);
                added = true;
            } else {
                s = collection.getSeries(index);
            }
            s.setNotify(false);
            s.clear();
            for (int i = 0; i < line.size(); i++) {
                s.add(line.x()[i], line.y()[i], false);
            }
            s.setNotify(true); // fires once; the chart holds its redraw until the frame is in
        }
        return added;
    }

    /** Colours and strokes by series name (series appear as metrics arrive). */
    private void style() {
        for (int i = 0; i < loss.getSeriesCount(); i++) {
            String key = String.valueOf(loss.getSeriesKey(i));
            Color c = switch (key) {
                case MetricChartModel.SMOOTHED_KEY -> SMOOTHED;
                case MetricChartModel.CURRENT -> RAW;
                case MetricChartModel.AVERAGE -> AVERAGE;
                default -> VALIDATION;
            };
            lossRenderer.setSeriesPaint(i, c, false);
            lossRenderer.setSeriesStroke(i, new BasicStroke(MetricChartModel.SMOOTHED_KEY.equals(key) ? 2f : 1f),
                    false);
        }
        for (int i = 0; i < rates.getSeriesCount(); i++) {
            rateRenderer.setSeriesPaint(i, RATES[i % RATES.length], false);
        }
    }

    private void markEpochs(Map<Long, Integer> starts) {
        plot.clearDomainMarkers();
        boolean labels = starts.size() <= 30; // beyond that the labels overlap; the lines still show
        for (Map.Entry<Long, Integer> e : starts.entrySet()) {
            ValueMarker m = new ValueMarker(e.getKey() - 0.5, new Color(0x99, 0x99, 0x99), EPOCH_STROKE);
            if (labels) {
                m.setLabel("epoch " + e.getValue());
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                m.setLabelPaint(new Color(0x66, 0x66, 0x66));
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            plot.addDomainMarker(0, m, Layer.BACKGROUND, false);
        }
    }
}
