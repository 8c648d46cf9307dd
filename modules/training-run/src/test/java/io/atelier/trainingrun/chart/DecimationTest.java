package io.atelier.trainingrun.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class DecimationTest {

    private static XYSeries series(int n) {
        XYSeries s = new XYSeries("loss/current", true, false);
        for (int i = 1; i <= n; i++) {
            s.add(i, 0.1 + 0.01 * Math.sin(i), false);
        }
        return s;
    }

    @Test
    void aLongSeriesBecomesAFewThousandPointsKeepingEveryExtremeAndBothEnds() {
        XYSeries full = series(100_000);
        full.update(31_337, 0.9);   // a spike
        full.update(77_777, -0.5);  // a dip
        ChartFrame.Line view = Decimation.of(full, Double.NaN, Double.NaN);

        assertThat(view.size()).isBetween(Decimation.BUCKETS, Decimation.BUCKETS * 4);
        assertThat(view.x()[0]).isEqualTo(1);
        assertThat(view.x()[view.size() - 1]).isEqualTo(100_000);
        assertThat(view.x()).contains(31_337, 77_777);
        assertThat(java.util.Arrays.stream(view.y()).max().orElseThrow()).isEqualTo(0.9);
        assertThat(java.util.Arrays.stream(view.y()).min().orElseThrow()).isEqualTo(-0.5);
        for (int i = 1; i < view.size(); i++) {
            assertThat(view.x()[i]).isGreaterThan(view.x()[i - 1]);
        }
    }

    @Test
    void aZoomedRangeKeepsOnlyItsStepsAndOneNeighbourEachSide() {
        XYSeries full = series(100_000);
        ChartFrame.Line view = Decimation.of(full, 500, 1_500);

        assertThat(view.size()).isEqualTo(1_003); // every step: few enough to draw all
        assertThat(view.x()[0]).isEqualTo(499);
        assertThat(view.x()[view.size() - 1]).isEqualTo(1_501);
        assertThat(view.y()[1]).isEqualTo(full.getY(full.indexOf(500)).doubleValue());
    }

    @Test
    void aShortSeriesIsShownAsItIs() {
        XYSeries full = series(10);
        ChartFrame.Line view = Decimation.of(full, Double.NaN, Double.NaN);
        assertThat(view.size()).isEqualTo(10);
        assertThat(view.y()[3]).isEqualTo(full.getY(3).doubleValue());
        assertThat(view.name()).isEqualTo("loss/current");
    }
}
