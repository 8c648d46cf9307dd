package io.atelier.tagger.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.imaging.decode.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preprocessing against values computed by hand (and, where said, by Pillow 9.4 running the reference code). */
class TaggerPreprocessorTest {

    @TempDir
    Path tmp;

    private static BufferedImage rgb(int w, int h, int... pixels) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, pixels, 0, w);
        return image;
    }

    /** Tensor value at (x, y), channel 0 = B, 1 = G, 2 = R. */
    private static float at(float[] t, int size, int x, int y, int c) {
        return t[(y * size + x) * 3 + c];
    }

    @Test
    void channelsAreBgrAndValuesRaw0To255() {
        float[] t = TaggerPreprocessor.tensor(rgb(1, 1, 0x0A141E), 1); // r 10, g 20, b 30
        assertThat(t).containsExactly(30f, 20f, 10f);
    }

    @Test
    void aSubImageSharingItsParentsPixelsReadsOnlyItsOwn() {
        BufferedImage parent = rgb(3, 3, 0x010101, 0x020202, 0x030303, 0x040404, 0x050505, 0x060606, 0x070707,
                0x080808, 0x090909);
        float[] t = TaggerPreprocessor.tensor(parent.getSubimage(1, 1, 2, 2), 2);
        assertThat(t).containsExactly(5, 5, 5, 6, 6, 6, 8, 8, 8, 9, 9, 9);
    }

    @Test
    void aWideImageIsPaddedWithWhiteBelowWhenTheGapIsOne() {
        // 2x1 → 2x2 square, top = (2 − 1) // 2 = 0: the image on row 0, white on row 1; no resize at size 2
        float[] t = TaggerPreprocessor.tensor(rgb(2, 1, 0x010203, 0x040506), 2);
        assertThat(t).containsExactly(
                3, 2, 1, 6, 5, 4,
                255, 255, 255, 255, 255, 255);
    }

    @Test
    void aTallImageIsCentredWithTheOddPixelOnTheRight() {
        // 2x5 → 5x5, left = (5 − 2) // 2 = 1: columns 1 and 2 hold the image, 0, 3 and 4 are white
        int[] px = new int[10];
        for (int i = 0; i < px.length; i++) {
            px[i] = i * 0x010101;
        }
        float[] t = TaggerPreprocessor.tensor(rgb(2, 5, px), 5);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                float expected = x == 1 || x == 2 ? 2 * y + (x - 1) : 255;
                for (int c = 0; c < 3; c++) {
                    assertThat(at(t, 5, x, y, c)).as("x %d y %d c %d", x, y, c).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void transparencyIsCompositedOntoWhiteWithPillowsRounding() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x80_00_64_C8); // a 128, r 0, g 100, b 200
        image.setRGB(1, 0, 0x00_12_34_56); // fully transparent: white whatever the colour
        image.setRGB(2, 0, 0xFF_12_34_56); // opaque: as it is
        float[] t = TaggerPreprocessor.tensor(image, 3);
        // c·a/255 + (255 − a), rounded: r 0 + 127 = 127, g 50.2 + 127 → 177, b 100.4 + 127 → 227
        assertThat(at(t, 3, 0, 1, 2)).isEqualTo(127);
        assertThat(at(t, 3, 0, 1, 1)).isEqualTo(177);
        assertThat(at(t, 3, 0, 1, 0)).isEqualTo(227);
        assertThat(new float[]{at(t, 3, 1, 1, 0), at(t, 3, 1, 1, 1), at(t, 3, 1, 1, 2)}).containsOnly(255);
        assertThat(new float[]{at(t, 3, 2, 1, 0), at(t, 3, 2, 1, 1), at(t, 3, 2, 1, 2)})
                .containsExactly(0x56, 0x34, 0x12);
    }

    @Test
    void theDecodersCompositingIsPillowsForEveryColourAndAlpha() throws IOException {
        // the files go through the imaging decoder (Java2D SrcOver onto white): it must agree with Pillow's
        // alpha_composite for all 256 × 256 value/alpha pairs
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        for (int a = 0; a < 256; a++) {
            for (int v = 0; v < 256; v++) {
                image.setRGB(v, a, a << 24 | v << 16 | v << 8 | v);
            }
        }
        Path png = tmp.resolve("alpha.png");
        ImageIO.write(image, "png", png.toFile());
        BufferedImage decoded = new ImageDecoder().decode(png);
        for (int a = 0; a < 256; a++) {
            for (int v = 0; v < 256; v++) {
                assertThat(decoded.getRGB(v, a) & 0xFF).as("value %d alpha %d", v, a)
                        .isEqualTo(OpaqueWhite.channel(v, a));
            }
        }
    }

    @Test
    void bicubicDownscaleMatchesAHandComputation() {
        // 4 → 2 px: scale 2 widens the support to 4; output 0 is centred at 1.0 and reads pixels 0–3 with
        // filter(−0.25), filter(0.25), filter(0.75), filter(1.25) = 0.8671875, 0.8671875, 0.2265625, −0.0703125,
        // normalised by their sum 1.890625: 0·0.45868 + 100·0.45868 + 200·0.11983 + 255·(−0.03719) = 60.35 → 60;
        // output 1 (centre 3.0) takes the same weights mirrored: 220.68 → 221. Pillow gives 60 and 221 as well.
        int[] row = {0x000000, 0x646464, 0xC8C8C8, 0xFFFFFF};
        int[] out = PillowBicubic.resize(row, 4, 1, 2, 1);
        assertThat(out).containsExactly(0x3C3C3C, 0xDDDDDD);
        assertThat(PillowBicubic.filter(0.25)).isEqualTo(0.8671875);
        assertThat(PillowBicubic.filter(1.25)).isEqualTo(-0.0703125);
        assertThat(PillowBicubic.filter(2.0)).isZero();
    }

    private static BufferedImage pattern(int w, int h) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (37 * x + 11 * y) % 256;
                int g = (53 * y + 7 * x + 90) % 256;
                int b = (x * y * 29 + 200) % 256;
                px[y * w + x] = r << 16 | g << 8 | b;
            }
        }
        return rgb(w, h, px);
    }

    @Test
    void padAndDownscaleEqualPillow() {
        // 5x3 → white 5x5 (top 1) → 4x4 BICUBIC; expected from the reference code under Pillow 9.4
        float[] expected = {244, 221, 207, 248, 223, 216, 255, 225, 225, 252, 226, 233, 208, 103, 1, 182, 112, 47,
                118, 121, 97, 136, 130, 143, 180, 178, 16, 52, 187, 63, 45, 195, 112, 114, 205, 159, 234, 247, 213,
                203, 249, 221, 230, 250, 230, 244, 252, 239};
        assertThat(TaggerPreprocessor.tensor(pattern(5, 3), 4)).containsExactly(expected);
    }

    @Test
    void upscaleEqualsPillow() {
        // 3x3 → 5x5 BICUBIC (support not widened); expected from Pillow 9.4
        float[] expected = {200, 85, 0, 198, 88, 10, 198, 93, 36, 209, 98, 62, 215, 101, 76, 199, 105, 2, 211, 108,
                14, 220, 113, 40, 161, 118, 66, 127, 121, 80, 198, 142, 8, 220, 145, 22, 229, 150, 48, 83, 155, 74, 0,
                158, 88, 209, 179, 16, 161, 182, 30, 83, 187, 56, 44, 192, 82, 33, 195, 96, 216, 199, 20, 121, 202,
                34, 0, 207, 60, 27, 212, 86, 69, 215, 100};
        assertThat(TaggerPreprocessor.tensor(pattern(3, 3), 5)).containsExactly(expected);
    }

    @Test
    void aUniformImageStaysUniformThroughTheResize() {
        int[] px = new int[37 * 37];
        java.util.Arrays.fill(px, 0x336699);
        float[] t = TaggerPreprocessor.tensor(rgb(37, 37, px), 16);
        for (int i = 0; i < t.length; i += 3) {
            assertThat(new float[]{t[i], t[i + 1], t[i + 2]}).containsExactly(0x99, 0x66, 0x33);
        }
    }

    @Test
    void filesAreDecodedThroughTheImagingModule() throws IOException {
        Path png = tmp.resolve("p.png");
        ImageIO.write(pattern(5, 3), "png", png.toFile());
        assertThat(new TaggerPreprocessor().tensor(png, 4))
                .containsExactly(TaggerPreprocessor.tensor(pattern(5, 3), 4));
    }
}
