package io.atelier.gallery.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZoomTest {

    @Test
    void fitShowsTheWholeImage() {
        assertThat(Zoom.fit(1024, 1024, 800, 600)).isCloseTo(600 / 1024.0, within(1e-9));
        assertThat(Zoom.fit(512, 768, 1600, 1600)).isCloseTo(1600 / 768.0, within(1e-9));
        assertThat(Zoom.fit(0, 0, 800, 600)).isEqualTo(1);
    }

    @Test
    void stepsInAndOutRetraceEachOtherFromAnyStart() {
        // off the ladder (0.7 is just under 1/√2): one step in lands on the next rung up, one out on the one below
        assertThat(Zoom.step(0.7, 1)).isCloseTo(Math.sqrt(0.5), within(1e-9));
        assertThat(Zoom.step(0.7, -1)).isCloseTo(0.5, within(1e-9));
        assertThat(Zoom.step(Zoom.step(1, 1), -1)).isCloseTo(1.0, within(1e-9));
        assertThat(Zoom.step(1, 2)).isCloseTo(2.0, within(1e-9));
        assertThat(Zoom.step(Zoom.MAX, 1)).isEqualTo(Zoom.MAX);
        assertThat(Zoom.step(Zoom.MIN, -1)).isEqualTo(Zoom.MIN);
    }
}
