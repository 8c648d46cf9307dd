package io.atelier.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngParametersTest {

    @TempDir
    Path dir;

    static BufferedImage image() {
        BufferedImage i = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        i.setRGB(3, 4, 0x123456);
        return i;
    }

    @Test
    void latin1TextGoesIntoATextChunkAndReadsBack() throws IOException {
        Path png = dir.resolve("a.png");
        String text = "café, smiling\nNegative prompt: blurry\nSteps: 4, Sampler: Euler, CFG scale: 7";
        PngParameters.write(png, image(), text);
        assertThat(PngParameters.read(png)).contains(text);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("tEXtparameters\0café");
        BufferedImage back = ImageIO.read(png.toFile());
        assertThat(back.getRGB(3, 4) & 0xffffff).isEqualTo(0x123456);
    }

    @Test
    void otherTextGoesIntoAnInternationalTextChunk() throws IOException {
        Path png = dir.resolve("jp.png");
        String text = "猫耳, 笑顔\nSteps: 4, Sampler: Euler, CFG scale: 7";
        PngParameters.write(png, image(), text);
        assertThat(PngParameters.read(png)).contains(text);
        assertThat(new String(Files.readAllBytes(png), StandardCharsets.ISO_8859_1)).contains("iTXtparameters");
    }

    @Test
    void aPngWithoutParametersHasNoneAndAFileThatIsNoPngIsNamed() throws IOException {
        Path plain = dir.resolve("plain.png");
        ImageIO.write(image(), "png", plain.toFile());
        assertThat(PngParameters.read(plain)).isEmpty();
        Path notPng = Files.writeString(dir.resolve("fake.png"), "not an image");
        assertThatThrownBy(() -> PngParameters.read(notPng)).isInstanceOf(IOException.class)
                .hasMessageContaining(notPng.toString());
    }
}
