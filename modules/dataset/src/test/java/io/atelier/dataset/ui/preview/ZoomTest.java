package io.atelier.dataset.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The preview's zoom ladder and fit. */
class ZoomTest {

    @Test
    void fitShrinksToTheViewButNeverEnlarges() {
        assertThat(Zoom.toFit().scaleFor(2000, 1000, 500, 500)).isCloseTo(0.25, within(1e-9));
        assertThat(Zoom.toFit().scaleFor(200, 100, 500, 500)).isEqualTo(1);
        assertThat(Zoom.actualSize().scaleFor(2000, 1000, 500, 500)).isEqualTo(1);
    }

    @Test
    void zoomStepsFromTheScaleShownNow() {
        assertThat(Zoom.in(0.25)).isEqualTo(new Zoom(false, 1 / 3.0));
        assertThat(Zoom.in(0.3)).isEqualTo(new Zoom(false, 1 / 3.0));
        assertThat(Zoom.out(0.3)).isEqualTo(new Zoom(false, 0.25));
        assertThat(Zoom.in(1)).isEqualTo(new Zoom(false, 1.5));
        assertThat(Zoom.out(1)).isEqualTo(new Zoom(false, 2 / 3.0));
    }

    @Test
    void zoomStopsAtTheEndsOfTheLadder() {
        assertThat(Zoom.in(16).scale()).isEqualTo(16);
        assertThat(Zoom.out(1 / 16.0).scale()).isEqualTo(1 / 16.0);
    }

    @Test
    void enterTogglesBetweenFitAndActualPixels() {
        assertThat(Zoom.toFit().toggled()).isEqualTo(Zoom.actualSize());
        assertThat(new Zoom(false, 3).toggled()).isEqualTo(Zoom.toFit());
    }

    @Test
    void labelsSayWhatIsShown() {
        assertThat(Zoom.toFit().label(0.4234)).isEqualTo("Fit (42 %)");
        assertThat(new Zoom(false, 1.5).label(1.5)).isEqualTo("150 %");
    }
}
