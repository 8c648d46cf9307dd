package io.atelier.core.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.atelier.core.params.Params;
import org.junit.jupiter.api.Test;

class LrScheduleTest {

    private static LrSchedule of(String name, int total, int warmup, int cycles) {
        return new LrSchedule(LrSchedule.Kind.of(name), total, warmup, cycles, 1e-4);
    }

    @Test
    void everyParameterChoiceHasASchedule() {
        assertThat(Params.LR_SCHEDULER.choices()).allSatisfy(name ->
                assertThat(LrSchedule.Kind.of(name).parameterName()).isEqualTo(name));
        assertThatThrownBy(() -> LrSchedule.Kind.of("adafactor")).hasMessageContaining("unknown lr_scheduler");
    }

    @Test
    void constantIgnoresWarmupConstantWithWarmupRamps() {
        assertThat(of("constant", 100, 10, 1).multiplier(0)).isEqualTo(1);
        LrSchedule s = of("constant_with_warmup", 100, 10, 1);
        assertThat(s.multiplier(0)).isEqualTo(0);
        assertThat(s.multiplier(5)).isEqualTo(0.5);
        assertThat(s.multiplier(10)).isEqualTo(1);
        assertThat(s.lr(5, 2e-4)).isCloseTo(1e-4, within(1e-18));
    }

    @Test
    void linearDecaysToZeroAfterWarmup() {
        LrSchedule s = of("linear", 110, 10, 1);
        assertThat(s.multiplier(10)).isEqualTo(1);
        assertThat(s.multiplier(60)).isEqualTo(0.5);
        assertThat(s.multiplier(110)).isEqualTo(0);
        assertThat(s.multiplier(200)).isEqualTo(0);
    }

    @Test
    void cosineIsHalfACosineWave() {
        LrSchedule s = of("cosine", 100, 0, 3); // cycles are ignored: cosine uses 0.5
        assertThat(s.multiplier(0)).isEqualTo(1);
        assertThat(s.multiplier(50)).isCloseTo(0.5, within(1e-12));
        assertThat(s.multiplier(25)).isCloseTo(0.5 * (1 + Math.cos(Math.PI * 0.25)), within(1e-12)); // 0.853553
        assertThat(s.multiplier(100)).isCloseTo(0, within(1e-12));
    }

    @Test
    void cosineWithRestartsRestartsHardEachCycle() {
        LrSchedule s = of("cosine_with_restarts", 300, 0, 3);
        assertThat(s.multiplier(0)).isEqualTo(1);
        assertThat(s.multiplier(50)).isCloseTo(0.5, within(1e-12));    // half way through cycle 1
        assertThat(s.multiplier(99)).isCloseTo(0.5 * (1 + Math.cos(Math.PI * 0.99)), within(1e-12)); // ≈ 0.000247
        assertThat(s.multiplier(100)).isCloseTo(1, within(1e-12));     // restart
        assertThat(s.multiplier(250)).isCloseTo(0.5, within(1e-12));
        assertThat(s.multiplier(300)).isEqualTo(0);
        LrSchedule warm = of("cosine_with_restarts", 110, 10, 1);
        assertThat(warm.multiplier(4)).isEqualTo(0.4);
        assertThat(warm.multiplier(60)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void polynomialPowerOneDecaysToLrEnd() {
        LrSchedule s = of("polynomial", 100, 0, 1);
        assertThat(s.multiplier(0)).isCloseTo(1, within(1e-12));
        // ((1e-4 − 1e-7)·0.5 + 1e-7)/1e-4 = 0.5005
        assertThat(s.multiplier(50)).isCloseTo(0.5005, within(1e-12));
        assertThat(s.lr(100, 1e-4)).isCloseTo(1e-7, within(1e-18));
        assertThat(s.lr(150, 1e-4)).isCloseTo(1e-7, within(1e-18));
        assertThatThrownBy(() -> new LrSchedule(LrSchedule.Kind.POLYNOMIAL, 10, 0, 1, 1e-8))
                .hasMessageContaining("above 1.0E-7");
    }
}
