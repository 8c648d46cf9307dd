package io.atelier.imaging.decode;

import static io.atelier.imaging.decode.TestImages.green;
import static io.atelier.imaging.decode.TestImages.red;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifOrientationTest {

    @TempDir
    Path dir;

    /** 64 x 48 red|blue image with a 12 x 12 green marker in the stored top-left corner. */
    private Path markedJpeg() throws Exception {
        BufferedImage image = TestImages.twoColour(BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 12; x++) {
                image.setRGB(x, y, 0x00FF00);
            }
        }
        return TestImages.writeJpeg(image, false, dir.resolve("plain.jpg"));
    }

    @Test
    void orientation6RotatesClockwise() throws Exception {
        Path file = TestImages.withExifOrientation(markedJpeg(), 6, dir.resolve("o6.jpg"));
        assertThat(ExifOrientation.read(file, "jpeg")).isEqualTo(6);

        BufferedImage image = new ImageDecoder().decode(file);
        assertThat(image.getWidth()).isEqualTo(48);
        assertThat(image.getHeight()).isEqualTo(64);
        // Rotating 90 degrees clockwise carries the top-left corner to the top-right.
        assertGreen(image.getRGB(42, 5));
        assertThat(green(image.getRGB(5, 5))).isLessThan(60);
        // The red left half becomes the top half.
        assertThat(red(image.getRGB(24, 20))).isGreaterThan(200);
        assertThat(red(image.getRGB(24, 50))).isLessThan(60);
    }

    /** Where the stored top-left marker appears for each orientation (c = right/bottom corner). */
    @ParameterizedTest
    @CsvSource({
        "1, 64, 48, false, false",
        "2, 64, 48, true, false",
        "3, 64, 48, true, true",
        "4, 64, 48, false, true",
        "5, 48, 64, false, false",
        "6, 48, 64, true, false",
        "7, 48, 64, true, true",
        "8, 48, 64, false, true",
    })
    void appliesAllEightOrientations(int orientation, int width, int height, boolean right, boolean bottom)
            throws Exception {
        Path file = TestImages.withExifOrientation(markedJpeg(), orientation, dir.resolve("o.jpg"));
        BufferedImage image = new ImageDecoder().decode(file);
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        int x = right ? width - 6 : 5;
        int y = bottom ? height - 6 : 5;
        assertGreen(image.getRGB(x, y));
    }

    @Test
    void imageWithoutExifIsNormal() throws Exception {
        assertThat(ExifOrientation.read(markedJpeg(), "jpeg")).isEqualTo(ExifOrientation.NORMAL);
    }

    private static void assertGreen(int rgb) {
        assertThat(green(rgb)).as("green of %06x", rgb & 0xFFFFFF).isGreaterThan(200);
        assertThat(red(rgb)).as("red of %06x", rgb & 0xFFFFFF).isLessThan(60);
    }

    @Test
    void aFileThatVanishedFailsInsteadOfReadingAsUpright(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path gone = dir.resolve("gone.jpg");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExifOrientation.read(gone, "jpeg"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("gone.jpg")
                .hasMessageContaining("disappeared");
    }
}
