package io.atelier.imaging.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.atelier.imaging.hash.SyntheticPhotos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JpegQualityEstimateTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"0.95, 95, false", "0.75, 75, false", "0.4, 40, true"})
    void estimatesTheQualityImageIoWroteWith(float setting, int expected, boolean heavy) throws IOException {
        Path file = Files.write(dir.resolve("q.jpg"), SyntheticPhotos.jpegBytes(SyntheticPhotos.photo(3, 320, 240),
                setting));

        JpegQuality quality = JpegQualityEstimate.of(file);

        assertThat(quality.quality()).isCloseTo(expected, within(5));
        assertThat(quality.heavilyCompressed()).isEqualTo(heavy);
    }

    @Test
    void everyIjgTableMapsBackToItsQuality() {
        for (int q = 1; q <= 100; q++) {
            JpegQuality estimate = JpegQualityEstimate.fromTable(JpegQualityEstimate.ijgTable(q));
            // a few qualities share a table; then the estimate is the highest of them, with the same table
            assertThat(JpegQualityEstimate.ijgTable(estimate.quality())).isEqualTo(JpegQualityEstimate.ijgTable(q));
            assertThat(estimate.quality()).isGreaterThanOrEqualTo(q);
            assertThat(estimate.exactMatch()).isTrue();
        }
    }

    @Test
    void ijgScalingMatchesLibjpegAtKnownPoints() {
        // quality 50 is the standard table itself; 100 is all ones
        assertThat(JpegQualityEstimate.ijgTable(50)[0]).isEqualTo(16);
        assertThat(JpegQualityEstimate.ijgTable(50)[63]).isEqualTo(99);
        assertThat(JpegQualityEstimate.ijgTable(100)).containsOnly(1);
        // quality 75 halves it: (16·50 + 50) / 100 = 8
        assertThat(JpegQualityEstimate.ijgTable(75)[0]).isEqualTo(8);
    }

    @Test
    void nonIjgTablesGetTheNearestQuality() {
        int[] table = JpegQualityEstimate.ijgTable(60);
        table[63] += 7; // a custom encoder's tweak
        JpegQuality estimate = JpegQualityEstimate.fromTable(table);

        assertThat(estimate.quality()).isCloseTo(60, within(2));
        assertThat(estimate.exactMatch()).isFalse();
    }

    @Test
    void rejectsANonJpegNamingTheFile() throws IOException {
        Path png = dir.resolve("image.png");
        ImageIO.write(SyntheticPhotos.photo(1, 32, 32), "png", png.toFile());

        assertThatThrownBy(() -> JpegQualityEstimate.of(png)).isInstanceOf(IOException.class)
                .hasMessageContaining("image.png").hasMessageContaining("not a JPEG");
    }

    @Test
    void rejectsATruncatedJpeg() throws IOException {
        Path cut = Files.write(dir.resolve("cut.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
                (byte) 0xE0, 0, 16, 'J', 'F'});

        assertThatThrownBy(() -> JpegQualityEstimate.of(cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("cut.jpg");
    }
}
