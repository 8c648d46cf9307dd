package io.atelier.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.project.FolderCheck;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectStats;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleProjectTest {

    @TempDir
    Path tmp;

    @Test
    void generatesCaptionedImagesInSeveralAspectRatios() throws Exception {
        Path dir = tmp.resolve("sample");
        LoraProject p = SampleProject.create(dir, 6, "geomstyle");
        FolderCheck check = FolderCheck.of(p.id(), dir);
        assertThat(check.stats()).isEqualTo(new ProjectStats(6, 6, 0));
        Set<String> sizes = new HashSet<>();
        for (int i = 1; i <= 6; i++) {
            BufferedImage img = ImageIO.read(dir.resolve("dataset/0" + i + ".png").toFile());
            sizes.add(img.getWidth() + "x" + img.getHeight());
            assertThat(Files.readString(dir.resolve("dataset/0" + i + ".txt"))).startsWith("geomstyle, ");
        }
        assertThat(sizes).containsExactlyInAnyOrder("1024x1024", "832x1216", "1216x832");
    }
}
