package io.atelier.gallery.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.store.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossCurvesTest {

    /** {@code epochs} epochs of {@code perEpoch} steps, loss = step. */
    private static List<MetricPoint> steps(int epochs, int perEpoch) {
        List<MetricPoint> points = new ArrayList<>();
        for (int step = 1; step <= epochs * perEpoch; step++) {
            points.add(new MetricPoint(step, ComparedRun.LOSS, step, 1 + (step - 1) / perEpoch, step));
        }
        return points;
    }

    @Test
    void stepsPerEpochIsTheLastStepOfTheFirstFinishedEpoch() {
        assertThat(LossCurves.stepsPerEpoch(steps(3, 50))).isEqualTo(50);
        assertThat(LossCurves.stepsPerEpoch(steps(1, 50))).as("no epoch finished yet").isZero();
        assertThat(LossCurves.stepsPerEpoch(List.of())).isZero();
    }

    @Test
    void byEpochDividesTheStepSoRunsOfDifferentLengthsLineUp() {
        LossCurves.Line a = LossCurves.loss(steps(2, 100), 0, LossCurves.Axis.EPOCH, 100);
        LossCurves.Line b = LossCurves.loss(steps(2, 40), 0, LossCurves.Axis.EPOCH, 40);
        assertThat(a.x()[a.size() - 1]).isEqualTo(2.0);
        assertThat(b.x()[b.size() - 1]).isEqualTo(2.0);
        assertThat(a.x()[49]).isEqualTo(0.5);
    }

    @Test
    void byEpochFallsBackToEachPointsEpochWhenTheLengthIsUnknown() {
        LossCurves.Line line = LossCurves.loss(steps(1, 10), 0, LossCurves.Axis.EPOCH, 0);
        assertThat(line.x()).containsOnly(1.0);
    }

    @Test
    void byStepKeepsTheSteps() {
        LossCurves.Line line = LossCurves.loss(steps(2, 10), 0, LossCurves.Axis.STEP, 10);
        assertThat(line.x()[0]).isEqualTo(1.0);
        assertThat(line.x()[19]).isEqualTo(20.0);
        assertThat(line.y()[19]).as("no smoothing: the raw loss").isEqualTo(20.0);
    }

    @Test
    void perEpochValuesSitAtTheirEpochOrAtTheEpochsLastStep() {
        List<MetricPoint> validation = List.of(new MetricPoint(1, ComparedRun.VALIDATION, 1, 1, 0.2),
                new MetricPoint(2, ComparedRun.VALIDATION, 2, 2, 0.1));
        assertThat(LossCurves.perEpoch(validation, LossCurves.Axis.EPOCH, 300).x()).containsExactly(1, 2);
        assertThat(LossCurves.perEpoch(validation, LossCurves.Axis.STEP, 300).x()).containsExactly(300, 600);
        assertThat(LossCurves.perEpoch(validation, LossCurves.Axis.STEP, 0).x()).containsExactly(1, 2);
        assertThat(LossCurves.perEpoch(validation, LossCurves.Axis.STEP, 300).y()).containsExactly(0.2, 0.1);
    }

    @Test
    void longLinesAreAveragedDown() {
        LossCurves.Line line = LossCurves.loss(steps(10, 1000), 0, LossCurves.Axis.STEP, 1000);
        assertThat(line.size()).isEqualTo(LossCurves.MAX_POINTS);
        assertThat(line.x()[0]).isEqualTo(3.0); // steps 1..5 averaged
        assertThat(line.y()[line.size() - 1]).isEqualTo(9998.0);
    }
}
