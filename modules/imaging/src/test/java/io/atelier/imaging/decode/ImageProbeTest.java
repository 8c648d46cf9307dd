package io.atelier.imaging.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageProbeTest {

    @TempDir
    Path dir;

    private final ImageProbe probe = new ImageProbe();

    @Test
    void readsFormatAndSizeOfPng() throws Exception {
        Path file = TestImages.write(TestImages.twoColour(BufferedImage.TYPE_INT_RGB), "png", dir.resolve("a.png"));
        assertThat(probe.probe(file)).isEqualTo(new ImageInfo("png", 64, 48));
    }

    @Test
    void recognisesContentNotExtension() throws Exception {
        Path file = TestImages.writeJpeg(TestImages.twoColour(BufferedImage.TYPE_INT_RGB), false,
                dir.resolve("really-a-jpeg.png"));
        assertThat(probe.probe(file).format()).isEqualTo("jpeg");
    }

    /** A Latin-1 name (caf\xe9.png) under a UTF-8 locale, made by the shell since Java cannot name it. */
    @Test
    void aFileNameThatIsNotValidInTheSystemEncodingIsNamedAsTheProblem() throws Exception {
        Path good = TestImages.write(TestImages.twoColour(BufferedImage.TYPE_INT_RGB), "png", dir.resolve("a.png"));
        Process shell = new ProcessBuilder("/bin/sh", "-c", "cp a.png \"$(printf 'caf\\351.png')\"")
                .directory(dir.toFile()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(shell.waitFor() == 0, "the file system refuses such names");
        Path latin1;
        try (var files = Files.list(dir)) {
            latin1 = files.filter(p -> !p.equals(good)).findFirst().orElseThrow();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(latin1.toString().contains("\uFFFD"),
                "this locale can represent the name");

        assertThatThrownBy(() -> probe.probe(latin1))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageStartingWith(latin1.toString())
                .hasMessageContaining("file name is not valid").hasMessageContaining("rename the file");
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.jpg"));
        assertThatThrownBy(() -> probe.probe(file))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("empty file");
    }

    @Test
    void rejectsTextWithImageExtension() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.png"), "these are my captions, not an image\n");
        assertThatThrownBy(() -> probe.probe(file))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessage(file + ": not a recognised image (content does not match any image format)");
    }

    @Test
    void rejectsMissingFile() {
        Path file = dir.resolve("missing.png");
        assertThatThrownBy(() -> probe.probe(file))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageStartingWith(file + ": file not found");
    }

    @Test
    void rejectsDecompressionBombFromHeaderAlone() throws Exception {
        Path file = TestImages.pngHeaderOnly(50_000, 50_000, dir.resolve("bomb.png"));
        // 50,000 x 50,000 would need 10 GB as INT_RGB: only a header-only decision finishes fast without OOM.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> new ImageDecoder().decode(file))
                        .isInstanceOf(ImageDecodeException.class)
                        .hasMessageStartingWith(file.toString())
                        .hasMessageContaining("50000 x 50000")
                        .hasMessageContaining("decompression bomb"));
    }

    @Test
    void rejectsOverlongSideEvenBelowPixelLimit() throws Exception {
        Path file = TestImages.pngHeaderOnly(40_000, 10, dir.resolve("strip.png"));
        assertThatThrownBy(() -> probe.probe(file)).hasMessageContaining("too large");
    }

    @Test
    void acceptsImageAtCustomLimit() throws Exception {
        Path file = TestImages.pngHeaderOnly(1000, 1000, dir.resolve("ok.png"));
        assertThat(new ImageProbe(1_000_000, 1000).probe(file).pixels()).isEqualTo(1_000_000);
        assertThatThrownBy(() -> new ImageProbe(999_999, 1000).probe(file)).isInstanceOf(ImageDecodeException.class);
    }
}
