package io.atelier.trainingrun.chart;

import io.atelier.store.MetricPoint;
import io.atelier.store.MetricRepository;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;

/**
 * The chart of the selected run with its controls: smoothing, reset zoom, export. Wheel and drag zoom, Ctrl+drag pans
 * (JFreeChart's pan modifier). Follows the run's metrics through a {@link MetricPoller}: the chart model lives on the
 * poller's thread and sends frames here; when frames come faster than they are drawn, only the newest is drawn.
 * Event thread.
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
    /** The shown run's model; only touched on the poller's thread. */
    private MetricChartModel model;
    private final java.util.concurrent.atomic.AtomicReference<ChartFrame> pending =
            new java.util.concurrent.atomic.AtomicReference<>();
    private String baseName = "loss";

    public LossChartPanel(Supplier<MetricRepository> metrics) {
        super(new BorderLayout());
        setName("lossChart");
        poller = new MetricPoller(metrics, 500);
        chart = new LossChart();
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
                double weight = smoothing.getValue() / 100.0;
                onModel(m -> m.setSmoothing(weight));
            }
        });
        bar.add(smoothing);
        bar.add(smoothingValue);
        bar.add(button("Reset Zoom", chartPanel::restoreAutoBounds));
        bar.add(button("Export PNG\u2026", () -> ChartExport.png(this, chart, baseName, chartPanel.getWidth(),
                chartPanel.getHeight())));
        bar.add(button("Export CSV\u2026", () -> ChartExport.csv(this, handOver -> {
            MetricChartModel m = model;
            poller.post(() -> handOver.accept(m.snapshot()));
        }, baseName)));
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
        MetricChartModel m = new MetricChartModel(smoothing.getValue() / 100.0);
        LossChart c = newChart(m);
        title.setText("Loss \u2014 " + name);
        baseName = name.replaceAll("[^A-Za-z0-9._-]+", "-") + "-loss";
        count.setText("(no values yet)");
        poller.follow(run, batch -> {
            m.apply(batch);
            publish(c, m.frame());
        }, going);
    }

    /** Shows nothing (no run selected). */
    public void clear() {
        poller.stop();
        newChart(new MetricChartModel(smoothing.getValue() / 100.0));
        title.setText("No run selected");
        count.setText(" ");
    }

    /** Stops following (the window closed). */
    public void stop() {
        poller.stop();
    }

    private LossChart newChart(MetricChartModel m) {
        LossChart c = new LossChart();
        c.onZoom((lo, hi) -> poller.post(() -> {
            m.setVisibleRange(lo, hi);
            publish(c, m.frame());
        }));
        chart = c;
        model = m;
        pending.set(null);
        chartPanel.setChart(c.chart());
        return c;
    }

    /** Changes the shown run's model on the poller's thread and shows the result. */
    private void onModel(Consumer<MetricChartModel> change) {
        MetricChartModel m = model;
        LossChart c = chart;
        poller.post(() -> {
            change.accept(m);
            publish(c, m.frame());
        });
    }

    /** From the poller's thread: draws {@code frame} soon, or a newer one that overtakes it. */
    private void publish(LossChart c, ChartFrame frame) {
        if (pending.getAndSet(frame) != null) {
            return; // a draw is already on its way and will take this newer frame
        }
        SwingUtilities.invokeLater(() -> {
            ChartFrame newest = pending.getAndSet(null);
            if (newest == null || c != chart) {
                return; // another run is shown now
            }
            c.show(newest);
            count.setText(String.format(Locale.ROOT, "(%,d steps, %,d values)", newest.lossSteps(),
                    newest.points()));
        });
    }

    /** Steps of the loss series shown (raw loss, else the average). */
    public int lossSteps() {
        return chart.shown().lossSteps();
    }

    /** For tests: the chart shown now. */
    public LossChart chart() {
        return chart;
    }

    public ChartPanel chartPanel() {
        return chartPanel;
    }
}
