package io.atelier.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSheetTest {

    @TempDir
    Path dir;

    @Test
    void eachRunIsASectionAndMissingOrBrokenImagesAreGreyCells() throws Exception {
        BufferedImage red = new BufferedImage(32, 48, BufferedImage.TYPE_INT_RGB);
        Arrays.fill(((java.awt.image.DataBufferInt) red.getRaster().getDataBuffer()).getData(), 0xFF0000);
        Path image = dir.resolve("red.png");
        ImageIO.write(red, "png", image.toFile());
        Path broken = Files.writeString(dir.resolve("broken.png"), "not a png");
        List<Path> cells = new ArrayList<>(Arrays.asList(image, broken, dir.resolve("gone.png"), null));
        ContactSheet.Section a = new ContactSheet.Section("run a", List.of("p0", "p1", "p2", "p3"),
                List.of(new ContactSheet.Row("epoch 1", false, cells), new ContactSheet.Row("epoch 2", true, cells)));
        ContactSheet.Section b = new ContactSheet.Section("run b", List.of("p0"),
                List.of(new ContactSheet.Row("epoch 1", false, Arrays.asList(image))));
        Path out = dir.resolve("sheet.png");
        ContactSheet.write(out, List.of(a, b), 64);
        BufferedImage sheet = ImageIO.read(out.toFile());
        assertThat(sheet.getWidth()).isGreaterThan(4 * 64);
        assertThat(sheet.getHeight()).isGreaterThan(3 * 64);
        // the red image is drawn in the first cell (scaled into the 64 px box, centred)
        assertThat(sheet.getRGB(120 + 8 + 32, 8 + 28 + 34 + 32) & 0xFFFFFF).isEqualTo(0xFF0000);
        // a broken file's cell is grey, not red
        assertThat(sheet.getRGB(120 + 8 + 64 + 8 + 4, 8 + 28 + 34 + 4) & 0xFFFFFF).isEqualTo(0xE0E0E0);
    }
}
