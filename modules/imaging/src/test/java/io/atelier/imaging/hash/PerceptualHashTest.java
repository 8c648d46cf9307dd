package io.atelier.imaging.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PerceptualHashTest {

    @Test
    void isDeterministicAndBalanced() {
        BufferedImage img = SyntheticPhotos.photo(1, 640, 480);

        long hash = PerceptualHash.of(img);

        assertThat(PerceptualHash.of(img)).isEqualTo(hash);
        // 63 coefficients split at their median: 31 above it; the DC slot (bit 63) stays 0
        assertThat(Long.bitCount(hash)).isEqualTo(31);
        assertThat(hash).isNotNegative();
    }

    @Test
    void ignoresUniformBrightnessChanges() {
        BufferedImage img = SyntheticPhotos.photo(2, 400, 300);
        BufferedImage darker = SyntheticPhotos.colourAdjusted(img, -0.2, 0f, 1f);

        assertThat(PerceptualHash.distance(PerceptualHash.of(img), PerceptualHash.of(darker))).isLessThanOrEqualTo(4);
    }

    @Test
    void separatesDifferentImages() {
        long a = PerceptualHash.of(SyntheticPhotos.photo(3, 400, 300));
        long b = PerceptualHash.of(SyntheticPhotos.photo(4, 400, 300));

        assertThat(PerceptualHash.distance(a, b)).isGreaterThan(NearDuplicateFinder.DEFAULT_THRESHOLD);
    }

    @Test
    void distanceAndHex() {
        assertThat(PerceptualHash.distance(0L, -1L)).isEqualTo(64);
        assertThat(PerceptualHash.distance(0b1011L, 0b0001L)).isEqualTo(2);
        assertThat(PerceptualHash.toHex(0xABCL)).isEqualTo("0000000000000abc");
    }

    @Test
    void transparentPixelsCountAsWhite() {
        BufferedImage clear = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        assertThat(LumaRaster.of(clear).get(10, 10)).isEqualTo(255.0);
    }
}
