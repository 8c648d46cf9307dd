package io.atelier.trainingrun.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.atelier.store.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class MetricChartModelTest {

    private long seq;

    private MetricPoint p(String name, long step, int epoch, double value) {
        return new MetricPoint(++seq, name, step, epoch, value);
    }

    @Test
    void appliesBatchesIncrementallyAndAValueForAKnownStepReplacesIt() {
        MetricChartModel model = new MetricChartModel(0.5);
        model.apply(List.of(p("loss/current", 1, 1, 1.0), p("loss/current", 2, 1, 2.0), p("lr/unet", 1, 1, 1e-4)));
        model.apply(List.of(p("loss/current", 3, 1, 9.0)));
        model.apply(List.of(p("loss/current", 3, 1, 3.0))); // TensorBoard's exact value for step 3

        XYSeries raw = model.series("loss/current");
        assertThat(raw.getItemCount()).isEqualTo(3);
        assertThat(raw.getY(2).doubleValue()).isEqualTo(3.0);
        assertThat(model.smoothed().getItemCount()).isEqualTo(3);
        double[] expected = Ema.smooth(new double[]{1, 2, 3}, 0.5);
        for (int i = 0; i < 3; i++) {
            assertThat(model.smoothed().getY(i).doubleValue()).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(model.frame().rates()).extracting(ChartFrame.Line::name).containsExactly("lr/unet");
        assertThat(model.frame().loss()).extracting(ChartFrame.Line::name)
                .containsExactly(MetricChartModel.SMOOTHED_KEY, "loss/current");
        assertThat(model.lastSeq()).isEqualTo(seq);
        assertThat(model.points()).isEqualTo(5);
    }

    @Test
    void aResumedRunsStepsContinueTheCurve() {
        MetricChartModel model = new MetricChartModel(0);
        model.apply(List.of(p("loss/current", 1, 1, 0.3), p("loss/current", 2, 1, 0.2)));
        // interrupted, resumed: the engine reports steps 3.. again from the saved state
        model.apply(List.of(p("loss/current", 3, 2, 0.1), p("loss/current", 4, 2, 0.1)));
        assertThat(model.series("loss/current").getItemCount()).isEqualTo(4);
        assertThat(model.epochStarts()).containsOnlyKeys(3L);
        assertThat(model.epochStarts().get(3L)).isEqualTo(2);
    }

    @Test
    void smoothsTheAverageWhenThereIsNoRawLossAndSwitchesWhenItArrives() {
        MetricChartModel model = new MetricChartModel(0);
        model.apply(List.of(p("loss/average", 1, 1, 5.0), p("loss/average", 2, 1, 4.0)));
        assertThat(model.smoothed().getY(1).doubleValue()).isEqualTo(4.0);
        model.apply(List.of(p("loss/current", 1, 1, 0.7)));
        assertThat(model.smoothed().getItemCount()).isEqualTo(1);
        assertThat(model.smoothed().getY(0).doubleValue()).isEqualTo(0.7);
    }

    @Test
    void perEpochValuesSitAtTheLastStepOfTheirEpoch() {
        MetricChartModel model = new MetricChartModel(0.6);
        model.apply(List.of(p("loss/current", 1, 1, 1), p("loss/current", 2, 1, 1), p("loss/current", 3, 2, 1),
                p("loss/epoch_average", 1, 1, 0.9)));
        ChartFrame.Line epochAverage = model.frame().epochValues().get(0);
        assertThat(epochAverage.size()).isEqualTo(1);
        assertThat(epochAverage.x()[0]).isEqualTo(2.0);
        assertThat(model.series("loss/epoch_average")).isNull(); // not on the step axis
    }

    @Test
    void oneChartChangePerFrameAndAZoomedFrameCoversOnlyTheVisibleSteps() {
        MetricChartModel model = new MetricChartModel(0.6);
        LossChart chart = new LossChart();
        AtomicInteger events = new AtomicInteger();
        chart.chart().addChangeListener(e -> events.incrementAndGet());
        List<MetricPoint> batch = new ArrayList<>();
        for (int step = 1; step <= 20_000; step++) {
            batch.add(p("loss/current", step, 1 + step / 5000, 1.0 / step));
            batch.add(p("lr/unet", step, 1 + step / 5000, 1e-4));
        }
        model.apply(batch);
        chart.show(model.frame());
        assertThat(events.get()).isEqualTo(1);
        assertThat(chart.chart().getXYPlot().getDomainMarkers(0, org.jfree.chart.ui.Layer.BACKGROUND)).hasSize(4);
        assertThat(chart.chart().getXYPlot().getDataset(0).getItemCount(1)).as("decimated")
                .isLessThanOrEqualTo(Decimation.BUCKETS * 4);

        events.set(0);
        model.setSmoothing(0.9);
        chart.show(model.frame());
        assertThat(events.get()).isEqualTo(1);
        assertThat(model.smoothed().getItemCount()).isEqualTo(20_000);

        model.setVisibleRange(100, 200);
        ChartFrame zoomed = model.frame();
        assertThat(zoomed.loss().get(1).x()).hasSize(103).startsWith(99.0).endsWith(201.0);
        assertThat(zoomed.lossSteps()).isEqualTo(20_000);
    }
}
