package io.atelier.imaging.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.hash.SyntheticPhotos;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReportTest {

    @TempDir
    Path project;

    private Path dataset;

    /** The test dataset described in {@link DatasetReportTest}: one of each finding. */
    public static void writeDataset(Path dataset) throws IOException {
        Files.createDirectories(dataset.resolve(".originals"));
        png(SyntheticPhotos.photo(1, 1200, 900), dataset.resolve("01.png"));
        Files.copy(dataset.resolve("01.png"), dataset.resolve("02.png"));
        BufferedImage second = SyntheticPhotos.photo(2, 1200, 1200);
        png(second, dataset.resolve("03.png"));
        png(SyntheticPhotos.halfSize(second), dataset.resolve("04.png"));
        png(SyntheticPhotos.photo(3, 400, 600), dataset.resolve("05.png"));
        png(blurred(SyntheticPhotos.photo(4, 1024, 768)), dataset.resolve("06.png"));
        Files.write(dataset.resolve("07.jpg"), SyntheticPhotos.jpegBytes(SyntheticPhotos.photo(5, 1024, 1024), 0.4f));
        png(SyntheticPhotos.photo(6, 768, 1024), dataset.resolve("08.png"));
        Files.write(dataset.resolve("09.png"), new byte[0]);
        Files.writeString(dataset.resolve("10.jpg"), "not an image at all");
        Files.copy(dataset.resolve("01.png"), dataset.resolve(".originals/01.png"));
        for (String base : List.of("01", "02", "03", "04", "06", "07", "09", "10")) {
            Files.writeString(dataset.resolve(base + ".txt"), "tr1gger, 1girl");
        }
        Files.writeString(dataset.resolve("05.txt"), "  \n");
    }

    @BeforeEach
    void setUp() throws IOException {
        dataset = new ProjectLayout(project).dataset();
        writeDataset(dataset);
    }

    @Test
    void perImageFindings() throws IOException {
        DatasetReport report = DatasetReport.of(new ProjectLayout(project));
        Map<String, ImageFinding> f = report.images().stream()
                .collect(Collectors.toMap(ImageFinding::file, Function.identity()));
        assertThat(f.keySet()).containsExactlyInAnyOrder("01.png", "02.png", "03.png", "04.png", "05.png", "06.png",
                "07.jpg", "08.png");
        assertThat(report.images()).extracting(ImageFinding::file).isSorted();

        ImageFinding first = f.get("01.png");
        assertThat(first.format()).isEqualTo("png");
        assertThat(first.width()).isEqualTo(1200);
        assertThat(first.height()).isEqualTo(900);
        assertThat(first.needsUpscale()).isFalse();
        assertThat(first.blurry()).isFalse();
        assertThat(first.jpegQuality()).isNull();
        assertThat(first.captioned()).isTrue();

        ImageFinding small = f.get("05.png");
        assertThat(small.needsUpscale()).isTrue();
        assertThat(small.scaleFactor()).isCloseTo(1024.0 / 600, within(1e-9));
        assertThat(f.get("04.png").needsUpscale()).isTrue();
        assertThat(f.get("08.png").needsUpscale()).isFalse();

        assertThat(f.get("06.png").blurry()).isTrue();
        assertThat(f.get("06.png").blurScore()).isLessThan(first.blurScore());
        assertThat(report.images()).filteredOn(ImageFinding::blurry).extracting(ImageFinding::file)
                .containsExactly("06.png");

        ImageFinding jpeg = f.get("07.jpg");
        assertThat(jpeg.format()).isEqualTo("jpeg");
        assertThat(jpeg.jpegQuality()).isEqualTo(40);
        assertThat(jpeg.heavyCompression()).isTrue();
        assertThat(report.images()).filteredOn(ImageFinding::heavyCompression).hasSize(1);
    }

    @Test
    void datasetFindings() throws IOException {
        DatasetReport report = DatasetReport.of(new ProjectLayout(project));
        assertThat(report.exactDuplicates()).containsExactly(List.of("01.png", "02.png"));
        assertThat(report.nearDuplicates()).containsExactly(List.of("03.png", "04.png"));
        assertThat(report.uncaptioned()).containsExactly("05.png", "08.png");
        assertThat(report.size()).isEqualTo(DatasetSize.TOO_FEW);
        assertThat(report.aspectSpread().min()).isCloseTo(400.0 / 600, within(1e-9));
        assertThat(report.aspectSpread().minFile()).isEqualTo("05.png");
        assertThat(report.aspectSpread().max()).isCloseTo(1200.0 / 900, within(1e-9));
        assertThat(report.aspectSpread().maxFile()).isEqualTo("01.png");
    }

    @Test
    void unreadableFilesAreProblemsAndTheRestIsChecked() throws IOException {
        DatasetReport report = DatasetReport.of(new ProjectLayout(project));
        assertThat(report.problems()).extracting(FileProblem::file).containsExactly("09.png", "10.jpg");
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.message()).contains(p.file()));
        assertThat(report.problems().get(0).message()).containsIgnoringCase("empty");
        assertThat(report.images()).hasSize(8);
    }

    @Test
    void longSideChangesUpscaleFindings() throws IOException {
        DatasetReport report = DatasetReport.of(new ProjectLayout(project), 512);
        assertThat(report.longSide()).isEqualTo(512);
        assertThat(report.images()).filteredOn(ImageFinding::needsUpscale).isEmpty();
    }

    @Test
    void exifRotationAndTransparencyAreFlagged() throws IOException {
        Path plain = Files.createDirectories(project.resolve("other/dataset"));
        Path jpeg = io.atelier.imaging.decode.TestImages.writeJpeg(SyntheticPhotos.photo(7, 600, 400), false,
                plain.resolve("a.jpg"));
        io.atelier.imaging.decode.TestImages.withExifOrientation(jpeg, 6, plain.resolve("rotated.jpg"));
        BufferedImage sticker = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = sticker.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillOval(50, 50, 200, 200); // the corners stay transparent
        g.dispose();
        png(sticker, plain.resolve("sticker.png"));
        BufferedImage opaqueAlpha = SyntheticPhotos.photo(8, 300, 300);
        BufferedImage argb = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
        argb.createGraphics().drawImage(opaqueAlpha, 0, 0, null);
        png(argb, plain.resolve("opaque-alpha.png"));

        Map<String, ImageFinding> f = DatasetReport.of(new ProjectLayout(project.resolve("other"))).images().stream()
                .collect(Collectors.toMap(ImageFinding::file, Function.identity()));

        assertThat(f.get("rotated.jpg").rotatedByExif()).isTrue();
        assertThat(f.get("rotated.jpg").width()).isEqualTo(400);
        assertThat(f.get("a.jpg").rotatedByExif()).isFalse();
        assertThat(f.get("sticker.png").transparent()).isTrue();
        assertThat(f.get("opaque-alpha.png").transparent()).isFalse();
        assertThat(f.get("a.jpg").transparent()).isFalse();
    }

    @Test
    void progressCountsEveryFileAndCancellingStops() throws IOException {
        List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        DatasetReport report = DatasetReport.of(new ProjectLayout(project), 1024,
                (done, total, file) -> seen.add(done + "/" + total + " " + file), () -> false);

        assertThat(seen).hasSize(10).contains("10/10 " + seen.get(9).substring(seen.get(9).indexOf(' ') + 1));
        assertThat(report.images()).hasSize(8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatasetReport.of(new ProjectLayout(project), 1024,
                        (done, total, file) -> { }, () -> true))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void restrictedToTheFilesLeftDropsGroupsOfOneAndRecountsTheRest() throws IOException {
        DatasetReport report = DatasetReport.of(new ProjectLayout(project));
        assertThat(report.exactDuplicates()).containsExactly(List.of("01.png", "02.png"));

        DatasetReport after = report.restrictedTo(java.util.Set.of("01.png", "03.png", "04.png", "05.png", "09.png"));

        assertThat(after.images()).extracting(ImageFinding::file).containsExactly("01.png", "03.png", "04.png",
                "05.png");
        assertThat(after.exactDuplicates()).isEmpty();
        assertThat(after.nearDuplicates()).isEqualTo(report.nearDuplicates());
        assertThat(after.problems()).extracting(FileProblem::file).containsExactly("09.png");
        assertThat(after.uncaptioned()).containsExactly("05.png");
        assertThat(after.withCaptioned("05.png", true).uncaptioned()).isEmpty();
    }

    @Test
    void measuresComeFromTheCacheForContentSeenBeforeAndAFailingCacheIsOnlyAMiss() throws IOException {
        Map<String, String> stored = new java.util.concurrent.ConcurrentHashMap<>();
        MeasureCache cache = MeasureCache.textBacked(k -> java.util.Optional.ofNullable(stored.get(k)), stored::put);
        ProjectLayout layout = new ProjectLayout(project);

        DatasetReport first = DatasetReport.of(layout, 1024, (d, t, f) -> { }, () -> false, cache);
        assertThat(stored).hasSize(7); // 8 readable images, 01 and 02 share their content

        // doctor one cached value: the second run must use it instead of decoding the image again
        ImageFinding three = first.images().stream().filter(f -> f.file().equals("03.png")).findFirst().orElseThrow();
        ImageMeasures m = ImageMeasures.fromJson(stored.get(three.contentHash()));
        stored.put(three.contentHash(), new ImageMeasures(m.format(), m.width(), m.height(), 1.0, m.jpegQuality(),
                m.heavyCompression(), m.perceptualHash(), m.rotatedByExif(), m.transparent()).toJson());
        DatasetReport second = DatasetReport.of(layout, 1024, (d, t, f) -> { }, () -> false, cache);
        ImageFinding again = second.images().stream().filter(f -> f.file().equals("03.png")).findFirst().orElseThrow();
        assertThat(again.blurScore()).isEqualTo(1.0);
        assertThat(again.blurry()).isTrue();
        assertThat(second.images()).hasSameSizeAs(first.images());

        MeasureCache broken = MeasureCache.textBacked(k -> {
            throw new IllegalStateException("store closed");
        }, (k, v) -> {
            throw new IllegalStateException("store closed");
        });
        DatasetReport third = DatasetReport.of(layout, 1024, (d, t, f) -> { }, () -> false, broken);
        assertThat(third.images()).extracting(ImageFinding::blurScore)
                .containsExactlyElementsOf(first.images().stream().map(ImageFinding::blurScore).toList());
    }

    @Test
    void missingDatasetFolderIsAnEmptyReport() throws IOException {
        DatasetReport report = DatasetReport.of(new ProjectLayout(project.resolve("nowhere")));
        assertThat(report.images()).isEmpty();
        assertThat(report.aspectSpread()).isNull();
        assertThat(report.size()).isEqualTo(DatasetSize.TOO_FEW);
    }

    @Test
    void sizeAdviceFollowsTheWorkflow() {
        assertThat(DatasetSize.of(14)).isEqualTo(DatasetSize.TOO_FEW);
        assertThat(DatasetSize.of(15)).isEqualTo(DatasetSize.SPECIFIC_SUBJECT);
        assertThat(DatasetSize.of(25)).isEqualTo(DatasetSize.SPECIFIC_SUBJECT);
        assertThat(DatasetSize.of(27)).isEqualTo(DatasetSize.BETWEEN_SPECIFIC_AND_BALANCED);
        assertThat(DatasetSize.of(30)).isEqualTo(DatasetSize.BALANCED);
        assertThat(DatasetSize.of(50)).isEqualTo(DatasetSize.BALANCED);
        assertThat(DatasetSize.of(55)).isEqualTo(DatasetSize.BETWEEN_BALANCED_AND_BROAD);
        assertThat(DatasetSize.of(60)).isEqualTo(DatasetSize.BROAD);
        assertThat(DatasetSize.BALANCED.advice()).contains("30–50");
    }

    private static void png(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    /** Down to an eighth and back up bilinearly: visibly soft. */
    private static BufferedImage blurred(BufferedImage src) {
        BufferedImage tiny = scale(src, src.getWidth() / 8, src.getHeight() / 8);
        return scale(tiny, src.getWidth(), src.getHeight());
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
