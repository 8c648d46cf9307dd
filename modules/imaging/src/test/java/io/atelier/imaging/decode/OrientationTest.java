package io.atelier.imaging.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrientationTest {

    /** Stored 3 x 2 image "abc/def" and how each EXIF orientation must display it (rows separated by '/'). */
    @ParameterizedTest
    @CsvSource({
        "1, abc/def",
        "2, cba/fed",
        "3, fed/cba",
        "4, def/abc",
        "5, ad/be/cf",
        "6, da/eb/fc",
        "7, fc/eb/da",
        "8, cf/be/ad",
    })
    void displaysEveryOrientationUpright(int orientation, String expected) {
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        String letters = "abcdef";
        for (int i = 0; i < 6; i++) {
            stored.setRGB(i % 3, i / 3, letters.charAt(i));
        }
        BufferedImage upright = Orientation.apply(stored, orientation);
        StringBuilder actual = new StringBuilder();
        for (int y = 0; y < upright.getHeight(); y++) {
            if (y > 0) {
                actual.append('/');
            }
            for (int x = 0; x < upright.getWidth(); x++) {
                actual.append((char) (upright.getRGB(x, y) & 0xFFFFFF));
            }
        }
        assertThat(actual.toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0", "9"})
    void rejectsValuesOutsideExifRange(int orientation) {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> Orientation.apply(image, orientation)).isInstanceOf(IllegalArgumentException.class);
    }
}
