package io.atelier.trainingrun.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.store.MetricPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartCsvTest {

    @Test
    void oneRowPerStepWithEverySeriesTheSmoothedLossAndEpochValuesAtTheEpochsEnd() {
        MetricChartModel model = new MetricChartModel(0.5);
        model.apply(List.of(
                new MetricPoint(1, "loss/current", 1, 1, 1.0),
                new MetricPoint(2, "lr/unet", 1, 1, 1.0E-4),
                new MetricPoint(3, "loss/current", 2, 1, 2.0),
                new MetricPoint(4, "loss/current", 3, 2, 3.0),
                new MetricPoint(5, "loss/current", 2, 1, 1.5), // replaces step 2
                new MetricPoint(6, "loss/epoch_average", 1, 1, 1.25)));

        String csv = ChartCsv.write(model.snapshot());

        double s2 = (0.5 * 0.5 + 0.5 * 1.5) / 0.75;
        double s3 = ((0.5 * 0.5 + 0.5 * 1.5) * 0.5 + 0.5 * 3.0) / 0.875;
        assertThat(csv.split("\n")).containsExactly(
                "step,epoch,loss/current,lr/unet,loss (smoothed 0.500),loss/epoch_average",
                "1,1,1.0,1.0E-4,1.0,",
                "2,1,1.5,," + s2 + ",1.25",
                "3,2,3.0,," + s3 + ",");
    }
}
