package io.atelier.core.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoiseScheduleTest {

    private final NoiseSchedule s = NoiseSchedule.sd15();

    @Test
    void scaledLinearBetasAndCumulativeAlphas() {
        assertThat(s.timesteps()).isEqualTo(1000);
        assertThat(s.beta(0)).isCloseTo(0.00085, within(1e-15));
        assertThat(s.beta(999)).isCloseTo(0.012, within(1e-15));
        // β_t = (√0.00085 + t/999·(√0.012 − √0.00085))², at t = 500 by hand
        double root = Math.sqrt(0.00085) + (Math.sqrt(0.012) - Math.sqrt(0.00085)) * 500 / 999;
        assertThat(s.beta(500)).isCloseTo(root * root, within(1e-15));
        assertThat(s.alphaCumprod(0)).isCloseTo(0.99915, within(1e-12));
        assertThat(s.alphaCumprod(1)).isCloseTo(0.99915 * (1 - s.beta(1)), within(1e-12));
        assertThat(s.alphaCumprod(999)).isCloseTo(0.0046601, within(1e-6));
        assertThat(s.signalScale(999) * s.signalScale(999) + s.noiseScale(999) * s.noiseScale(999))
                .isCloseTo(1, within(1e-12));
    }

    @Test
    void snrAndMinSnrGammaWeights() {
        assertThat(s.snr(0)).isCloseTo(0.99915 / 0.00085, within(1e-9)); // 1175.47
        assertThat(s.snr(999)).isCloseTo(0.0046819, within(1e-6));
        // γ = 5: clipped where SNR > 5 (early timesteps), 1 where SNR ≤ 5
        assertThat(s.minSnrWeight(0, 5)).isCloseTo(5 / s.snr(0), within(1e-12));
        assertThat(s.minSnrWeight(500, 5)).isEqualTo(1);
        assertThat(s.minSnrWeight(0, 0)).isEqualTo(1);
        float[] weights = s.minSnrWeights(5);
        assertThat(weights).hasSize(1000);
        assertThat(weights[146]).isLessThan(1f);
        assertThat(weights[147]).isEqualTo(1f); // the first timestep whose SNR is below 5
    }
}
