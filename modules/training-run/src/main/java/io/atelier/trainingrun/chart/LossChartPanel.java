package io.atelier.trainingrun.chart;

import io.atelier.store.MetricPoint;
import io.atelier.store.MetricRepository;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import org.jfree.chart.ChartPanel;

/**
 * The chart of the selected run with its controls: smoothing, reset zoom, export. Wheel and drag zoom, Ctrl+drag pans
 * (JFreeChart's pan modifier). Follows the run's metrics through a {@link MetricPoller}. Event thread.
 */
public final class LossChartPanel extends JPanel {

    /** Per-step LoRA loss is very noisy: TensorBoard's 0.6 barely shows the trend, 0.9 does. */
    public static final double DEFAULT_SMOOTHING = 0.9;

    private final MetricPoller poller;
    private final ChartPanel chartPanel;
    private final JLabel title = new JLabel(" ");
    private final JLabel count = new JLabel(" ");
    private final JSlider smoothing = new JSlider(0, 99, (int) Math.round(DEFAULT_SMOOTHING * 100));
    private final JLabel smoothingValue = new JLabel();
    private LossChart chart;
    private String baseName = "loss";

    public LossChartPanel(Supplier<MetricRepository> metrics) {
        super(new BorderLayout());
        setName("lossChart");
        poller = new MetricPoller(metrics, 500);
        chart = new LossChart(new MetricChartModel(DEFAULT_SMOOTHING));
        chartPanel = new ChartPanel(chart.chart(), false, false, false, true, true);
        chartPanel.setName("lossChartPanel");
        chartPanel.setMouseWheelEnabled(true);
        chartPanel.setMinimumDrawWidth(10);
        chartPanel.setMinimumDrawHeight(10);
        chartPanel.setMaximumDrawWidth(4000);
        chartPanel.setMaximumDrawHeight(3000);
        add(chartPanel, BorderLayout.CENTER);

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        title.setFont(title.getFont().deriveFont(java.awt.Font.BOLD));
        bar.add(title);
        count.setName("chartCount");
        bar.add(count);
        bar.add(new JLabel("  Smoothing:"));
        smoothing.setName("smoothing");
        smoothing.setPreferredSize(new java.awt.Dimension(140, smoothing.getPreferredSize().height));
        smoothing.addChangeListener(e -> {
            showSmoothing();
            if (!smoothing.getValueIsAdjusting()) {
                chart.setSmoothing(smoothing.getValue() / 100.0);
            }
        });
        bar.add(smoothing);
        bar.add(smoothingValue);
        bar.add(button("Reset Zoom", chartPanel::restoreAutoBounds));
        bar.add(button("Export PNG\u2026", () -> ChartExport.png(this, chart, baseName, chartPanel.getWidth(),
                chartPanel.getHeight())));
        bar.add(button("Export CSV\u2026", () -> ChartExport.csv(this, chart, baseName)));
        bar.setBorder(BorderFactory.createEmptyBorder(2, 2, 2, 2));
        add(bar, BorderLayout.NORTH);
        showSmoothing();
    }

    private static JButton button(String text, Runnable action) {
        JButton b = new JButton(text);
        b.addActionListener(e -> action.run());
        return b;
    }

    private void showSmoothing() {
        smoothingValue.setText(String.format(Locale.ROOT, "%.2f", smoothing.getValue() / 100.0));
    }

    /**
     * Shows {@code run} from its first value, following it while {@code going} says it may still write.
     *
     * @param name what the title says; also the export file name
     */
    public void show(UUID run, String name, Supplier<Boolean> going) {
        chart = new LossChart(new MetricChartModel(smoothing.getValue() / 100.0));
        chartPanel.setChart(chart.chart());
        title.setText("Loss \u2014 " + name);
        baseName = name.replaceAll("[^A-Za-z0-9._-]+", "-") + "-loss";
        count.setText("(no values yet)");
        poller.follow(run, this::apply, going);
    }

    /** Shows nothing (no run selected). */
    public void clear() {
        poller.stop();
        chart = new LossChart(new MetricChartModel(smoothing.getValue() / 100.0));
        chartPanel.setChart(chart.chart());
        title.setText("No run selected");
        count.setText(" ");
    }

    /** Stops following (the window closed). */
    public void stop() {
        poller.stop();
    }

    private void apply(List<MetricPoint> batch) {
        chart.apply(batch);
        count.setText(String.format(Locale.ROOT, "(%,d steps, %,d values)", lossSteps(), chart.model().points()));
    }

    /** Steps of the loss series shown (raw loss, else the average). */
    public int lossSteps() {
        org.jfree.data.xy.XYSeries s = chart.model().series(MetricChartModel.CURRENT);
        if (s == null) {
            s = chart.model().series(MetricChartModel.AVERAGE);
        }
        return s == null ? 0 : s.getItemCount();
    }

    /** For tests: the chart shown now. */
    public LossChart chart() {
        return chart;
    }

    public ChartPanel chartPanel() {
        return chartPanel;
    }
}
