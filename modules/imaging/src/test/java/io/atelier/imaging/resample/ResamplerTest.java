package io.atelier.imaging.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    @ParameterizedTest
    @CsvSource({
        "4000, 3000, 1024, 1024, 768",   // landscape, down
        "3000, 4000, 1024, 768, 1024",   // portrait, down
        "2500, 2500, 1024, 1024, 1024",  // square, down
        "500, 500, 1024, 1024, 1024",    // square, up
        "300, 200, 1024, 1024, 683",     // landscape, up: 682.67 rounds to 683
        "200, 300, 1536, 1024, 1536",    // portrait, up
        "6000, 4000, 2048, 2048, 1365",  // 1365.33 rounds down
        "5000, 1, 1024, 1024, 1",        // never below one pixel
        "1024, 700, 1024, 1024, 700",    // already the target
    })
    void targetSizeKeepsAspectRatio(int w, int h, int longSide, int expectedW, int expectedH) {
        assertThat(Resampler.targetSize(w, h, longSide)).isEqualTo(new TargetSize(expectedW, expectedH));
    }

    @Test
    void upscaleIsNeededOnlyForImagesSmallerThanTarget() {
        assertThat(Resampler.needsUpscale(800, 600, 1024)).isTrue();
        assertThat(Resampler.needsUpscale(1024, 600, 1024)).isFalse();
        assertThat(Resampler.needsUpscale(600, 2000, 1024)).isFalse();
        assertThat(Resampler.scaleFactor(2048, 1000, 1024)).isEqualTo(0.5);
        assertThat(Resampler.scaleFactor(512, 100, 1536)).isEqualTo(3.0);
        assertThatThrownBy(() -> Resampler.scaleFactor(0, 10, 1024)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void downscalesToTargetAsIntRgb() {
        BufferedImage out = Resampler.resize(gradient(2000, 1500), 1024);
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(out.getWidth()).isEqualTo(1024);
        assertThat(out.getHeight()).isEqualTo(768);
    }

    @Test
    void upscalesSmallPortraitToTarget() {
        BufferedImage small = new BufferedImage(200, 300, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage out = Resampler.resize(small, 1536);
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(out.getWidth()).isEqualTo(1024);
        assertThat(out.getHeight()).isEqualTo(1536);
        assertThat(Resampler.resize(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB)).getWidth())
                .isEqualTo(Resampler.DEFAULT_LONG_SIDE);
    }

    @Test
    void fineCheckerboardBecomesGreyInsteadOfMoire() {
        BufferedImage checker = new BufferedImage(2000, 2000, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2000; y++) {
            for (int x = 0; x < 2000; x++) {
                checker.setRGB(x, y, ((x + y) & 1) == 0 ? 0x000000 : 0xFFFFFF);
            }
        }
        double lanczos = deviationFromGrey(Resampler.resize(checker, 1024), 0);
        double nearest = deviationFromGrey(nearestNeighbour(checker, 1024, 1024), 0);
        assertThat(nearest).as("nearest neighbour aliases into full-contrast patterns").isGreaterThan(100);
        assertThat(lanczos).as("Lanczos averages the unresolvable pattern to grey").isLessThan(10);
    }

    @Test
    void zonePlateRingsAboveTargetNyquistAreSuppressed() {
        int size = 2048;
        BufferedImage plate = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        double k = Math.PI / size; // local frequency k*r/pi cycles per pixel: 0.5 (Nyquist) at the edge midpoints
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x - size / 2.0;
                double dy = y - size / 2.0;
                int v = (int) Math.round(127.5 + 127.5 * Math.cos(k * (dx * dx + dy * dy)));
                plate.setRGB(x, y, v * 0x010101);
            }
        }
        // At 1/4 scale everything beyond a radius of size/8 is above the new Nyquist frequency.
        int target = size / 4;
        double lanczos = deviationFromGrey(Resampler.resize(plate, target), 0.35);
        double nearest = deviationFromGrey(nearestNeighbour(plate, target, target), 0.35);
        assertThat(lanczos).isLessThan(nearest / 4);
    }

    @Test
    void smoothGradientStaysSmoothDownAndUp() {
        assertSmooth(Resampler.resize(gradient(3000, 2000), 1024));
        assertSmooth(Resampler.resize(gradient(256, 100), 1024));
    }

    /** Horizontal ramp 0..255 on every row. */
    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            int v = (int) Math.round(255.0 * x / (width - 1));
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, v * 0x010101);
            }
        }
        return image;
    }

    private static void assertSmooth(BufferedImage image) {
        int y = image.getHeight() / 2;
        int previous = image.getRGB(0, y) & 0xFF;
        for (int x = 1; x < image.getWidth(); x++) {
            int v = image.getRGB(x, y) & 0xFF;
            assertThat(v - previous).as("step at x=%d", x).isBetween(-1, 3);
            previous = v;
        }
        assertThat(image.getRGB(image.getWidth() / 2, y) & 0xFF).isCloseTo(128, within(4));
    }

    /**
     * Mean absolute deviation of the blue channel from mid-grey, over pixels farther than {@code minRadius}
     * (as a fraction of the half-size) from the centre.
     */
    private static double deviationFromGrey(BufferedImage image, double minRadius) {
        double cx = image.getWidth() / 2.0;
        double cy = image.getHeight() / 2.0;
        double limit = minRadius * Math.min(cx, cy);
        double sum = 0;
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (Math.hypot(x - cx, y - cy) >= limit) {
                    sum += Math.abs((image.getRGB(x, y) & 0xFF) - 127.5);
                    count++;
                }
            }
        }
        return sum / count;
    }

    private static BufferedImage nearestNeighbour(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sx = (int) ((x + 0.5) * source.getWidth() / width);
                int sy = (int) ((y + 0.5) * source.getHeight() / height);
                out.setRGB(x, y, source.getRGB(sx, sy));
            }
        }
        return out;
    }
}
