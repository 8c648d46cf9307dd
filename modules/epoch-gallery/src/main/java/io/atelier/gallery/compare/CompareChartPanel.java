package io.atelier.gallery.compare;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.openide.util.RequestProcessor;

/**
 * The runs' losses laid over each other: per run its smoothed {@code loss/current} (solid) and its validation loss
 * per epoch (dashed, with dots), one colour per run, by step or by epoch. The lines are computed on a background
 * thread whenever the smoothing or the axis changes; the event thread only swaps the finished series in.
 */
final class CompareChartPanel extends JPanel {

    private static final RequestProcessor RP = new RequestProcessor("Compare chart", 1);
    /** Tableau 10: colours that stay apart for the few runs one compares. */
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    private static final BasicStroke SOLID = new BasicStroke(1.6f);
    private static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[]{6f, 4f}, 0f);
    static final double DEFAULT_SMOOTHING = 0.9; // the Runs window's default

    private final XYSeriesCollection lines = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final NumberAxis xAxis = new NumberAxis(LossCurves.Axis.STEP.title());
    private final JFreeChart chart;
    private final JSlider smoothing = new JSlider(0, 99, (int) Math.round(DEFAULT_SMOOTHING * 100));
    private final JLabel smoothingValue = new JLabel();
    private final JCheckBox byEpoch = new JCheckBox("By epoch");
    private final JLabel status = new JLabel(" ");
    private final AtomicInteger generation = new AtomicInteger();
    private List<ComparedRun> runs = List.of();

    CompareChartPanel() {
        super(new BorderLayout());
        NumberAxis loss = new NumberAxis("Loss");
        loss.setAutoRangeIncludesZero(false);
        xAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(lines, xAxis, loss, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainPannable(true);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        ChartPanel panel = new ChartPanel(chart, false, true, false, true, true);
        panel.setName("compareChart");
        panel.setMouseWheelEnabled(true);
        add(panel, BorderLayout.CENTER);

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        smoothing.setName("compareSmoothing");
        smoothing.setToolTipText("Exponential moving average of the loss per step, as TensorBoard smooths it");
        smoothing.addChangeListener(e -> {
            showSmoothing();
            if (!smoothing.getValueIsAdjusting()) {
                recompute();
            }
        });
        byEpoch.setName("compareByEpoch");
        byEpoch.setToolTipText("Align the runs by epoch (step \u00f7 steps per epoch) instead of by step");
        byEpoch.addActionListener(e -> recompute());
        status.setName("compareChartStatus");
        bar.add(new JLabel("Smoothing"));
        bar.add(smoothing);
        bar.add(smoothingValue);
        bar.add(byEpoch);
        bar.add(status);
        add(bar, BorderLayout.NORTH);
        showSmoothing();
    }

    private void showSmoothing() {
        smoothingValue.setText(String.format(java.util.Locale.ROOT, "%.2f", smoothing.getValue() / 100.0));
    }

    /** Shows these runs (event thread). */
    void show(List<ComparedRun> compared) {
        runs = List.copyOf(compared);
        recompute();
    }

    JFreeChart chart() {
        return chart;
    }

    private void recompute() {
        List<ComparedRun> snapshot = runs;
        double weight = smoothing.getValue() / 100.0;
        LossCurves.Axis axis = byEpoch.isSelected() ? LossCurves.Axis.EPOCH : LossCurves.Axis.STEP;
        int mine = generation.incrementAndGet();
        RP.post(() -> {
            List<XYSeries> series = new ArrayList<>();
            List<Boolean> dashed = new ArrayList<>();
            List<Integer> colour = new ArrayList<>();
            for (int i = 0; i < snapshot.size(); i++) {
                ComparedRun r = snapshot.get(i);
                long perEpoch = LossCurves.stepsPerEpoch(r.loss());
                if (!r.loss().isEmpty()) {
                    series.add(series(r.label(), LossCurves.loss(r.loss(), weight, axis, perEpoch)));
                    dashed.add(false);
                    colour.add(i);
                }
                if (!r.validation().isEmpty()) {
                    series.add(series(r.label() + " (validation)", LossCurves.perEpoch(r.validation(), axis,
                            perEpoch)));
                    dashed.add(true);
                    colour.add(i);
                }
            }
            SwingUtilities.invokeLater(() -> {
                if (mine == generation.get()) {
                    swapIn(series, dashed, colour, axis, snapshot.size());
                }
            });
        });
    }

    private static XYSeries series(String key, LossCurves.Line line) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < line.size(); i++) {
            s.add(line.x()[i], line.y()[i], false);
        }
        return s;
    }

    private void swapIn(List<XYSeries> series, List<Boolean> dashed, List<Integer> colour, LossCurves.Axis axis,
            int runCount) {
        chart.setNotify(false);
        try {
            lines.removeAllSeries();
            for (int i = 0; i < series.size(); i++) {
                lines.addSeries(series.get(i));
                renderer.setSeriesPaint(i, COLOURS[colour.get(i) % COLOURS.length], false);
                renderer.setSeriesStroke(i, dashed.get(i) ? DASHED : SOLID, false);
                renderer.setSeriesShapesVisible(i, dashed.get(i));
            }
            xAxis.setLabel(axis.title());
            xAxis.setStandardTickUnits(axis == LossCurves.Axis.STEP ? NumberAxis.createIntegerTickUnits()
                    : NumberAxis.createStandardTickUnits());
        } finally {
            chart.setNotify(true);
        }
        status.setText(series.isEmpty() ? "No loss recorded for these runs yet"
                : series.size() + " lines for " + runCount + " runs");
    }

    /** The series keys shown now (for the GUI check). */
    List<String> seriesKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            keys.add(String.valueOf(lines.getSeriesKey(i)));
        }
        return keys;
    }
}
