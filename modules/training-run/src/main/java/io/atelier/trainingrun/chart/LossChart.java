package io.atelier.trainingrun.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import io.atelier.store.MetricPoint;
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

/**
 * The loss chart of one run: the loss series on the left axis (raw loss faint, the smoothed curve strong), the learning
 * rates on a second axis on the right, per-epoch values as dots, epoch boundaries as dashed lines. Lines are drawn
 * with {@link SamplingXYLineRenderer}, which draws at most a few segments per pixel column, so 100,000 steps cost what
 * the chart's width costs. A batch of points is applied with the chart's notifications held: one redraw per batch.
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

    private final MetricChartModel model;
    private final JFreeChart chart;
    private final XYPlot plot;
    private final SamplingXYLineRenderer lossRenderer = new SamplingXYLineRenderer();
    private final SamplingXYLineRenderer rateRenderer = new SamplingXYLineRenderer();

    public LossChart(MetricChartModel model) {
        this.model = model;
        NumberAxis steps = new NumberAxis("Step");
        steps.setAutoRangeIncludesZero(false);
        steps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis loss = new NumberAxis("Loss");
        loss.setAutoRangeIncludesZero(false);
        NumberAxis rate = new NumberAxis("Learning rate");
        rate.setAutoRangeIncludesZero(true);
        rate.setNumberFormatOverride(new DecimalFormat("0.0#E0"));
        plot = new XYPlot(model.loss(), steps, loss, lossRenderer);
        plot.setDataset(1, model.rates());
        plot.setRangeAxis(1, rate);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, rateRenderer);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(true, true);
        dots.setAutoPopulateSeriesPaint(false);
        dots.setDefaultPaint(EPOCH);
        dots.setDefaultStroke(new BasicStroke(1.5f));
        plot.setDataset(2, model.epochValues());
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
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        style();
    }

    public JFreeChart chart() {
        return chart;
    }

    public MetricChartModel model() {
        return model;
    }

    /** Takes in one batch and redraws once. Event thread. */
    public MetricChartModel.Change apply(List<MetricPoint> batch) {
        chart.setNotify(false);
        try {
            MetricChartModel.Change change = model.apply(batch);
            model.fireChanged();
            if (change.series()) {
                style();
            }
            if (change.epochStarts()) {
                markEpochs();
            }
            return change;
        } finally {
            chart.setNotify(true); // the one change event of this batch
        }
    }

    /** Changes the smoothing and redraws once. */
    public void setSmoothing(double weight) {
        chart.setNotify(false);
        try {
            model.setSmoothing(weight);
            model.fireChanged();
        } finally {
            chart.setNotify(true);
        }
    }

    /** Colours and strokes by series name (series appear as metrics arrive). */
    private void style() {
        for (int i = 0; i < model.loss().getSeriesCount(); i++) {
            String key = String.valueOf(model.loss().getSeriesKey(i));
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
        for (int i = 0; i < model.rates().getSeriesCount(); i++) {
            rateRenderer.setSeriesPaint(i, RATES[i % RATES.length], false);
        }
    }

    private void markEpochs() {
        plot.clearDomainMarkers();
        Map<Long, Integer> starts = model.epochStarts();
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
