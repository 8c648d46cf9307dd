package io.atelier.trainingrun.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmaTest {

    @Test
    void debiasedLikeTensorBoard() {
        // w = 0.5: accumulators 0.5, 1.25, 2.125 divided by 1-0.5, 1-0.25, 1-0.125
        assertThat(Ema.smooth(new double[]{1, 2, 3}, 0.5))
                .containsExactly(new double[]{1.0, 1.25 / 0.75, 2.125 / 0.875}, within(1e-12));
    }

    @Test
    void firstValueIsItselfAndConstantStaysConstant() {
        double[] s = Ema.smooth(new double[]{0.12, 0.12, 0.12, 0.12}, 0.99);
        assertThat(s).containsExactly(new double[]{0.12, 0.12, 0.12, 0.12}, within(1e-12));
    }

    @Test
    void nonFiniteValuesPassThroughAndDoNotCount() {
        double[] s = Ema.smooth(new double[]{1, Double.NaN, 3}, 0.5);
        assertThat(s[0]).isEqualTo(1.0);
        assertThat(s[1]).isNaN();
        assertThat(s[2]).isCloseTo(1.75 / 0.75, within(1e-12)); // second finite value: debias 1 - 0.5^2
    }

    @Test
    void zeroWeightIsTheRawSeries() {
        assertThat(Ema.smooth(new double[]{3, 1, 2}, 0)).containsExactly(3, 1, 2);
    }

    @Test
    void truncateRecomputesFromThere() {
        Ema ema = new Ema(0.6);
        ema.next(1);
        ema.next(2);
        ema.next(5);
        ema.truncate(2);
        double again = ema.next(4);
        assertThat(again).isCloseTo(Ema.smooth(new double[]{1, 2, 4}, 0.6)[2], within(1e-12));
    }

    @Test
    void refusesWeightsOutsideTheRange() {
        assertThatThrownBy(() -> new Ema(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ema(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
