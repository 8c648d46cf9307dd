package io.atelier.imaging.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.imaging.decode.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailCacheTest {

    @TempDir
    Path dir;

    @Test
    void aLargeImageGetsAnUprightThumbnailWithTheLongSideAt256() throws IOException {
        Path jpeg = TestImages.writeJpeg(TestImages.noise(1200, 800, 1), false, dir.resolve("wide.jpg"));
        Path rotated = TestImages.withExifOrientation(jpeg, 6, dir.resolve("rotated.jpg")); // 90° clockwise
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("cache"));

        BufferedImage wide = cache.thumbnail(jpeg);
        BufferedImage tall = cache.thumbnail(rotated);

        assertThat(wide.getWidth()).isEqualTo(ThumbnailCache.SIZE);
        assertThat(wide.getHeight()).isEqualTo(171);
        assertThat(tall.getWidth()).isEqualTo(171);
        assertThat(tall.getHeight()).isEqualTo(ThumbnailCache.SIZE);
    }

    @Test
    void aSmallImageIsNotEnlarged() throws IOException {
        Path png = TestImages.write(TestImages.noise(100, 60, 2), "png", dir.resolve("small.png"));

        BufferedImage thumb = new ThumbnailCache(dir.resolve("cache")).thumbnail(png);

        assertThat(thumb.getWidth()).isEqualTo(100);
        assertThat(thumb.getHeight()).isEqualTo(60);
    }

    @Test
    void thumbnailsAreKeyedByContentAndSurviveANewCacheInstance() throws IOException {
        Path png = TestImages.write(TestImages.noise(600, 600, 3), "png", dir.resolve("a.png"));
        Path cacheFolder = dir.resolve("cache");
        new ThumbnailCache(cacheFolder).thumbnail(png);
        assertThat(storedThumbnails(cacheFolder)).isEqualTo(1);

        // renamed: same content, so a fresh cache finds it on disk without decoding
        Path renamed = Files.move(png, dir.resolve("01.png"));
        ThumbnailCache fresh = new ThumbnailCache(cacheFolder);
        assertThat(fresh.cachedOnly(renamed)).isPresent();
        assertThat(fresh.cachedOnly(renamed).get().getWidth()).isEqualTo(256);

        // edited: new content, so no stale thumbnail
        TestImages.write(TestImages.noise(600, 300, 4), "png", renamed);
        assertThat(fresh.cachedOnly(renamed)).isEmpty();
        assertThat(fresh.thumbnail(renamed).getHeight()).isEqualTo(128);
        assertThat(storedThumbnails(cacheFolder)).isEqualTo(2);
    }

    @Test
    void anUnreadableImageFailsNamingTheFile() throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.png"), "not an image");

        assertThatThrownBy(() -> new ThumbnailCache(dir.resolve("cache")).thumbnail(fake))
                .isInstanceOf(IOException.class).hasMessageContaining("fake.png");
    }

    private static long storedThumbnails(Path cacheFolder) throws IOException {
        try (Stream<Path> files = Files.walk(cacheFolder)) {
            return files.filter(p -> p.toString().endsWith(".jpg")).count();
        }
    }
}
