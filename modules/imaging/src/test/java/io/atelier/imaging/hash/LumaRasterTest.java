package io.atelier.imaging.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LumaRasterTest {

    @Test
    void areaAveragingWeighsFractionalCoverage() {
        // 3 source columns 0, 90, 180 into 2 target columns: [0, 1.5) and [1.5, 3)
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x000000);
        img.setRGB(1, 0, 0x5A5A5A);
        img.setRGB(2, 0, 0xB4B4B4);

        LumaRaster r = LumaRaster.areaResized(img, 2, 1);

        assertThat(r.get(0, 0)).isCloseTo((0 + 0.5 * 90) / 1.5, within(1e-9));
        assertThat(r.get(1, 0)).isCloseTo((0.5 * 90 + 180) / 1.5, within(1e-9));
    }

    @Test
    void keepsTheMeanBrightness() {
        BufferedImage img = SyntheticPhotos.photo(7, 301, 199);
        double full = mean(LumaRaster.of(img));
        assertThat(mean(LumaRaster.areaResized(img, 32, 32))).isCloseTo(full, within(1e-6));
    }

    private static double mean(LumaRaster r) {
        double sum = 0;
        for (double v : r.values()) {
            sum += v;
        }
        return sum / (r.width() * r.height());
    }
}
