package io.atelier.trainingrun.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.run.RunEvent;
import org.junit.jupiter.api.Test;

class EtaTest {

    @Test
    void textWithRateAndTimeLeft() {
        assertThat(Eta.text(new RunEvent.Progress(120, 1600, 2, 10, 1.35)))
                .isEqualTo("step 120 / 1,600 \u00b7 epoch 2 / 10 \u00b7 1.35 it/s \u00b7 18 min 16 s left");
    }

    @Test
    void slowRunsInSecondsPerStepAndHours() {
        assertThat(Eta.text(new RunEvent.Progress(0, 4000, 1, 10, 0.5)))
                .isEqualTo("step 0 / 4,000 \u00b7 epoch 1 / 10 \u00b7 2.00 s/it \u00b7 2 h 13 min left");
    }

    @Test
    void unknownRateOrTotal() {
        assertThat(Eta.left(new RunEvent.Progress(5, 100, 1, 1, 0))).isEqualTo("time left unknown");
        assertThat(Eta.left(new RunEvent.Progress(5, 0, 1, 0, 3))).isEqualTo("time left unknown");
        assertThat(Eta.left(new RunEvent.Progress(100, 100, 1, 1, 3))).isEqualTo("finishing");
        assertThat(Eta.duration(42)).isEqualTo("42 s");
    }
}
