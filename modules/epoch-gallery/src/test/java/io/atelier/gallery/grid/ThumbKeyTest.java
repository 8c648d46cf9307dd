package io.atelier.gallery.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbKeyTest {

    @TempDir
    Path dir;

    @Test
    void theKeyChangesWhenTheFileIsWrittenAgain() throws Exception {
        Path png = dir.resolve("e001_p00.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Files.setLastModifiedTime(png, FileTime.fromMillis(1_000_000));
        ThumbKey first = ThumbKey.of(png).orElseThrow();
        assertThat(ThumbKey.of(png)).contains(first);
        Files.setLastModifiedTime(png, FileTime.fromMillis(2_000_000));
        assertThat(ThumbKey.of(png).orElseThrow()).isNotEqualTo(first);
        Files.createDirectories(dir.resolve("sub"));
        assertThat(ThumbKey.of(dir.resolve("sub/../e001_p00.png")).orElseThrow().file()).isEqualTo(first.file());
    }

    @Test
    void aMissingFileOrAFolderHasNoKey() {
        assertThat(ThumbKey.of(dir.resolve("gone.png"))).isEmpty();
        assertThat(ThumbKey.of(dir)).isEmpty();
    }

    @Test
    void thumbnailsFitTheCellAndBadFilesSayWhy() throws Exception {
        Path png = dir.resolve("wide.png");
        ImageIO.write(new BufferedImage(768, 512, BufferedImage.TYPE_INT_ARGB), "png", png.toFile());
        Thumb t = ThumbnailLoader.load(png, 160);
        assertThat(t.problem()).isNull();
        assertThat(t.image().getWidth()).isEqualTo(160);
        assertThat(t.image().getHeight()).isEqualTo(107);
        assertThat(t.key()).isEqualTo(ThumbKey.of(png).orElseThrow());

        assertThat(ThumbnailLoader.load(dir.resolve("gone.png"), 160).problem()).isEqualTo("file missing");
        Path broken = Files.writeString(dir.resolve("broken.png"), "not a png");
        assertThat(ThumbnailLoader.load(broken, 160).problem()).isEqualTo("unreadable");
    }
}
