package io.atelier.imaging.decode;

import static io.atelier.imaging.decode.TestImages.blue;
import static io.atelier.imaging.decode.TestImages.green;
import static io.atelier.imaging.decode.TestImages.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

    @TempDir
    Path dir;

    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void decodesPng8BitRgb() throws Exception {
        Path file = TestImages.write(TestImages.twoColour(BufferedImage.TYPE_3BYTE_BGR), "png", dir.resolve("a.png"));
        assertRedBlue(decoder.decode(file), 0);
    }

    @Test
    void decodesPng16BitGrayKeepingItsValues() throws Exception {
        BufferedImage gray = new BufferedImage(10, 10, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                gray.getRaster().setSample(x, y, 0, x < 5 ? 0x8080 : 0xFFFF);
            }
        }
        BufferedImage image = decoder.decode(TestImages.write(gray, "png", dir.resolve("g16.png")));
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        int mid = image.getRGB(2, 2);
        assertThat(red(mid)).isCloseTo(128, within(1));
        assertThat(green(mid)).isEqualTo(red(mid));
        assertThat(blue(mid)).isEqualTo(red(mid));
        assertThat(image.getRGB(7, 7) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void decodesPaletteWithTransparentEntryOntoWhite() throws Exception {
        byte[] r = {(byte) 255, 0, 0};
        byte[] g = {0, 0, 0};
        byte[] b = {0, (byte) 255, 0};
        byte[] a = {(byte) 255, (byte) 255, 0};
        BufferedImage palette = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(2, 3, r, g, b, a));
        int[] indices = {0, 1, 2, 0};
        palette.getRaster().setPixels(0, 0, 4, 1, indices);
        BufferedImage image = decoder.decode(TestImages.write(palette, "png", dir.resolve("p.png")));
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(image.getRGB(2, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void compositesAlphaOntoWhite() throws Exception {
        BufferedImage rgba = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x00000000); // fully transparent black
        rgba.setRGB(1, 0, 0x80000000); // half transparent black
        rgba.setRGB(2, 0, 0xFF00FF00); // opaque green
        BufferedImage image = decoder.decode(TestImages.write(rgba, "png", dir.resolve("rgba.png")));
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(red(image.getRGB(1, 0))).isCloseTo(127, within(2));
        assertThat(image.getRGB(2, 0) & 0xFFFFFF).isEqualTo(0x00FF00);
    }

    @Test
    void decodesBaselineJpeg() throws Exception {
        Path file = TestImages.writeJpeg(TestImages.twoColour(BufferedImage.TYPE_INT_RGB), false, dir.resolve("b.jpg"));
        assertRedBlue(decoder.decode(file), 12);
    }

    @Test
    void decodesProgressiveJpeg() throws Exception {
        Path file = TestImages.writeJpeg(TestImages.twoColour(BufferedImage.TYPE_INT_RGB), true, dir.resolve("p.jpg"));
        assertThat(Files.readAllBytes(file)).as("has an SOF2 (progressive) marker")
                .containsSequence((byte) 0xFF, (byte) 0xC2);
        assertRedBlue(decoder.decode(file), 12);
    }

    @Test
    void decodesGrayscaleJpeg() throws Exception {
        BufferedImage gray = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                gray.getRaster().setSample(x, y, 0, 100);
            }
        }
        BufferedImage image = decoder.decode(TestImages.writeJpeg(gray, false, dir.resolve("gray.jpg")));
        int rgb = image.getRGB(8, 8);
        assertThat(red(rgb)).isCloseTo(100, within(2));
        assertThat(green(rgb)).isEqualTo(red(rgb));
        assertThat(blue(rgb)).isEqualTo(red(rgb));
    }

    @Test
    void decodesBmp() throws Exception {
        Path file = TestImages.write(TestImages.twoColour(BufferedImage.TYPE_INT_RGB), "bmp", dir.resolve("a.bmp"));
        assertRedBlue(decoder.decode(file), 0);
    }

    @Test
    void decodesGif() throws Exception {
        Path file = TestImages.write(TestImages.twoColour(BufferedImage.TYPE_BYTE_INDEXED), "gif", dir.resolve("a.gif"));
        assertRedBlue(decoder.decode(file), 0);
    }

    @Test
    void decodesTiffWrittenByTwelveMonkeys() throws Exception {
        Path file = dir.resolve("a.tif");
        ImageWriter writer = twelveMonkeysWriter("tiff");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(new IIOImage(TestImages.twoColour(BufferedImage.TYPE_3BYTE_BGR), null, null));
        } finally {
            writer.dispose();
        }
        assertRedBlue(decoder.decode(file), 0);
    }

    @Test
    void decodesCmykJpeg() throws Exception {
        // Made with ImageMagick: convert red|blue.png -colorspace CMYK cmyk.jpg (Adobe APP14, 4 components).
        BufferedImage image = decoder.decode(fixture("cmyk.jpg"));
        assertThat(image.getWidth()).isEqualTo(64);
        int left = image.getRGB(8, 24);
        int right = image.getRGB(56, 24);
        assertThat(red(left)).isGreaterThan(180);
        assertThat(green(left)).isLessThan(90);
        assertThat(blue(left)).isLessThan(90);
        assertThat(blue(right)).isGreaterThan(red(right) + 60);
        assertThat(blue(right)).isGreaterThan(green(right) + 60);
    }

    @Test
    void decodesLossyWebp() throws Exception {
        assertRedBlue(decoder.decode(fixture("lossy.webp")), 40);
    }

    @Test
    void decodesLosslessWebp() throws Exception {
        assertRedBlue(decoder.decode(fixture("lossless.webp")), 0);
    }

    @Test
    void reportsTruncatedPngClearly() throws Exception {
        Path whole = TestImages.write(TestImages.noise(200, 200, 1), "png", dir.resolve("whole.png"));
        Path file = TestImages.truncate(whole, 0.6, dir.resolve("cut.png"));
        assertThatThrownBy(() -> decoder.decode(file))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("png");
    }

    @Test
    void reportsTruncatedJpegInsteadOfReturningGreyRemainder() throws Exception {
        Path whole = TestImages.writeJpeg(TestImages.noise(400, 400, 2), false, dir.resolve("whole.jpg"));
        Path file = TestImages.truncate(whole, 0.5, dir.resolve("cut.jpg"));
        assertThatThrownBy(() -> decoder.decode(file))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsNonImageBeforeDecoding() throws Exception {
        Path file = Files.write(dir.resolve("x.jpg"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> decoder.decode(file))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("not a recognised image");
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = ImageDecoderTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    private static ImageWriter twelveMonkeysWriter(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.twelvemonkeys.")) {
                return writer;
            }
            writer.dispose();
        }
        throw new AssertionError("no TwelveMonkeys writer for " + format);
    }

    /** The 64 x 48 red|blue test image, within {@code tolerance} per channel. */
    static void assertRedBlue(BufferedImage image, int tolerance) {
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
        int left = image.getRGB(8, 24);
        int right = image.getRGB(56, 24);
        assertThat(red(left)).isCloseTo(255, within(tolerance));
        assertThat(green(left)).isCloseTo(0, within(tolerance));
        assertThat(blue(left)).isCloseTo(0, within(tolerance));
        assertThat(red(right)).isCloseTo(0, within(tolerance));
        assertThat(green(right)).isCloseTo(0, within(tolerance));
        assertThat(blue(right)).isCloseTo(255, within(tolerance));
    }
}
