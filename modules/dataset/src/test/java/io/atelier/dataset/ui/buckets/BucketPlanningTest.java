package io.atelier.dataset.ui.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.buckets.Bucket;
import io.atelier.core.buckets.BucketSettings;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.work.BackgroundWork;
import io.atelier.dataset.ui.work.Cancelled;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bucket preview of a folder of real image files, and what the Buckets tab says about it. */
class BucketPlanningTest {

    @TempDir
    Path dataset;

    private final List<String> steps = new ArrayList<>();
    private boolean cancel;
    private final BackgroundWork.Progress progress = new BackgroundWork.Progress() {
        @Override
        public void step(int done, int total, String item) {
            steps.add(done + "/" + total + " " + item);
        }

        @Override
        public boolean cancelled() {
            return cancel;
        }
    };

    private DatasetImage png(String name, int w, int h) throws IOException {
        Path file = dataset.resolve(name);
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return new DatasetImage(file, Files.size(file), Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void plansEachImageAndCountsPerBucket() throws IOException {
        List<DatasetImage> images = List.of(png("a.png", 1024, 1024), png("b.png", 832, 1216), png("c.png", 1216, 832),
                png("d.png", 2048, 2048));
        BucketIndex index = new BucketPlanning().plan(images, BucketSettings.of(1024, 1024, 256, 1024, 64), progress);
        assertThat(index.of("a.png").bucket()).isEqualTo(new Bucket(1024, 1024));
        assertThat(index.of("b.png").bucket()).isEqualTo(new Bucket(704, 1024));
        assertThat(index.plan().counts()).containsEntry(new Bucket(1024, 1024), 2);
        assertThat(index.mixedSizes()).isEmpty();
        assertThat(index.upscaled()).isZero();
        assertThat(steps).hasSize(4).last().isEqualTo("4/4 d.png");
        assertThat(BucketSummary.html(index)).contains("Images per bucket", "704\u00d71024", "1024\u00d71024");
    }

    @Test
    void bucketingOffWarnsAboutTheCropOfMixedSizes() throws IOException {
        List<DatasetImage> images = List.of(png("a.png", 1024, 1024), png("wide.png", 2048, 1024));
        BucketSettings off = BucketSettings.of(1024, 1024, 256, 1024, 64).withEnabled(false);
        BucketIndex index = new BucketPlanning().plan(images, off, progress);
        assertThat(index.mixedSizes()).hasValueSatisfying(w -> assertThat(w).contains("1 of 2 images", "50%"));
        assertThat(index.croppedMoreThan(0.10)).isEqualTo(1);
        assertThat(BucketSummary.html(index)).contains("Bucketing is off", "lose more than 10%");
    }

    @Test
    void anUnreadableHeaderIsListedAndTheRestIsPlanned() throws IOException {
        Path broken = dataset.resolve("broken.png");
        Files.write(broken, new byte[]{1, 2, 3});
        List<DatasetImage> images = List.of(png("a.png", 512, 512), new DatasetImage(broken, 3, 1));
        BucketIndex index = new BucketPlanning().plan(images, BucketSettings.of(1024, 1024, 256, 1024, 64), progress);
        assertThat(index.problems()).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo("broken.png"));
        assertThat(index.of("a.png").upscaled()).isTrue();
        assertThat(BucketSummary.html(index)).contains("broken.png", "enlarged");
    }

    @Test
    void cancellingStopsThePlan() throws IOException {
        List<DatasetImage> images = List.of(png("a.png", 64, 64));
        cancel = true;
        assertThatThrownBy(() -> new BucketPlanning().plan(images, BucketSettings.of(1024, 1024, 256, 1024, 64),
                progress)).isInstanceOf(Cancelled.class);
    }
}
