package io.atelier.imaging.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** WebP files made at test time by libwebp's own encoder, when it is installed (Debian package "webp"). */
class CwebpDecodeTest {

    private static final Path CWEBP = Path.of("/usr/bin/cwebp");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"lossy, 40", "lossless, 0"})
    void decodesWebpFromCwebp(String mode, int tolerance) throws Exception {
        assumeTrue(Files.isExecutable(CWEBP), "cwebp not installed");
        Path png = TestImages.write(TestImages.twoColour(BufferedImage.TYPE_INT_RGB), "png", dir.resolve("in.png"));
        Path webp = dir.resolve(mode + ".webp");
        List<String> command = mode.equals("lossless")
                ? List.of(CWEBP.toString(), "-quiet", "-lossless", png.toString(), "-o", webp.toString())
                : List.of(CWEBP.toString(), "-quiet", "-q", "90", png.toString(), "-o", webp.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();

        assertThat(new ImageProbe().probe(webp).format()).isEqualTo("webp");
        ImageDecoderTest.assertRedBlue(new ImageDecoder().decode(webp), tolerance);
    }
}
