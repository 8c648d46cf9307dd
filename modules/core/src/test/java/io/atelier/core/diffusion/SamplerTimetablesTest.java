package io.atelier.core.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplerTimetablesTest {

    private final NoiseSchedule s = NoiseSchedule.sd15();

    @Test
    void ddimTwentyStepsAsDiffusersConfiguresSd15() {
        DdimTimetable ddim = DdimTimetable.sd15(s, 20);
        assertThat(ddim.timesteps()).containsExactly(IntStream.iterate(951, t -> t >= 1, t -> t - 50).toArray());
        assertThat(ddim.timestep(19)).isEqualTo(1);
        assertThat(ddim.alphaCumprod(0)).isEqualTo(s.alphaCumprod(951));
        assertThat(ddim.alphaCumprodPrev(0)).isEqualTo(s.alphaCumprod(901));
        // after the last step (t = 1 − 50 < 0) set_alpha_to_one = false gives ᾱ₀
        assertThat(ddim.alphaCumprodPrev(19)).isEqualTo(s.alphaCumprod(0));
    }

    @Test
    void otherSpacings() {
        assertThat(TimestepSpacing.LEADING.integerTimesteps(1000, 3, 1)).containsExactly(667, 334, 1);
        assertThat(TimestepSpacing.LINSPACE.integerTimesteps(1000, 4, 1)).containsExactly(999, 666, 333, 0);
        assertThat(TimestepSpacing.TRAILING.integerTimesteps(1000, 4, 1)).containsExactly(999, 749, 499, 249);
        assertThat(TimestepSpacing.LINSPACE.timesteps(1000, 20, 0)[1]).isCloseTo(999.0 * 18 / 19, within(1e-12));
    }

    @Test
    void eulerSigmasAtTheTimestepsThenZero() {
        EulerTimetable euler = EulerTimetable.sd15(s, 20);
        double[] sigmas = euler.sigmas();
        assertThat(sigmas).hasSize(21);
        assertThat(euler.timesteps()[0]).isEqualTo(951);
        assertThat(sigmas[0]).isCloseTo(11.0283312, within(1e-6)); // √((1 − ᾱ₉₅₁)/ᾱ₉₅₁)
        assertThat(sigmas[19]).isCloseTo(0.0413144, within(1e-6)); // t = 1
        assertThat(sigmas[20]).isZero();
        assertThat(euler.initNoiseSigma()).isCloseTo(Math.sqrt(sigmas[0] * sigmas[0] + 1), within(1e-12));
        assertThat(euler.inputScale(0)).isCloseTo(1 / Math.sqrt(sigmas[0] * sigmas[0] + 1), within(1e-12));

        // linspace spacing starts at t = 999 (σ_max = 14.6146) and interpolates between integer timesteps
        EulerTimetable linspace = EulerTimetable.of(s, 20, TimestepSpacing.LINSPACE, 0);
        assertThat(linspace.sigma(0)).isCloseTo(14.6146412, within(1e-6));
        assertThat(linspace.initNoiseSigma()).isEqualTo(linspace.sigma(0));
        double t = 999.0 * 18 / 19; // 946.42…
        double expected = s.sigma(946) * (947 - t) + s.sigma(947) * (t - 946);
        assertThat(linspace.sigma(1)).isCloseTo(expected, within(1e-12)).isCloseTo(10.7468440, within(1e-6));
    }

    @Test
    void ancestralSplitsEachStep() {
        EulerTimetable.AncestralStep step = EulerTimetable.sd15(s, 20).ancestral(0);
        assertThat(step.sigmaUp()).isCloseTo(5.4451457, within(1e-6));
        assertThat(step.sigmaDown()).isCloseTo(6.3838844, within(1e-6));
        assertThat(step.sigmaUp() * step.sigmaUp() + step.sigmaDown() * step.sigmaDown())
                .isCloseTo(step.sigmaTo() * step.sigmaTo(), within(1e-9));
        EulerTimetable.AncestralStep last = EulerTimetable.sd15(s, 20).ancestral(19);
        assertThat(last.sigmaUp()).isZero();
        assertThat(last.sigmaDown()).isZero();
    }
}
