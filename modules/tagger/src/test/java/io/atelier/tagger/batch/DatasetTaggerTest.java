package io.atelier.tagger.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.io.FileProgress;
import io.atelier.imaging.hash.ContentHash;
import io.atelier.tagger.fixture.Wd14TestModel;
import io.atelier.tagger.model.TaggerModel;
import io.atelier.tagger.select.TagPrediction;
import io.atelier.tagger.select.TaggerSettings;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTaggerTest {

    private static final String RED_TAGS = "glshs, red theme, hatsune miku, solo";

    @TempDir
    Path tmp;

    private Path dataset;
    private TaggerModel model;

    @BeforeEach
    void setUp() throws IOException {
        dataset = Files.createDirectories(tmp.resolve("project/dataset"));
        model = TaggerModel.load(Wd14TestModel.colours().writeTo(tmp.resolve("models/wd-test")));
    }

    @AfterEach
    void tearDown() throws IOException {
        model.close();
    }

    private Path image(String name, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 24, 16);
        g.dispose();
        Path file = dataset.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private Path caption(Path image) {
        return image.resolveSibling(image.getFileName().toString().replaceFirst("\\.[^.]+$", ".txt"));
    }

    private void write(Path image, String text) throws IOException {
        Files.writeString(caption(image), text, StandardCharsets.UTF_8);
    }

    private String read(Path image) throws IOException {
        return Files.readString(caption(image), StandardCharsets.UTF_8).strip();
    }

    private TaggingResult tag(List<Path> images, TagMode mode) throws IOException {
        return new DatasetTagger().tag(images, model, TaggerSettings.defaults(), mode, "glshs", FileProgress.NONE,
                () -> false);
    }

    @Test
    void replaceWritesTheModelsTagsAfterTheTrigger() throws IOException {
        Path red = image("01.png", Color.RED);
        Path blue = image("02.png", Color.BLUE);
        write(red, "old tag, another");
        TaggingResult result = tag(List.of(red, blue), TagMode.REPLACE);
        assertThat(read(red)).isEqualTo(RED_TAGS);
        assertThat(read(blue)).isEqualTo("glshs, blue theme, hatsune miku, solo");
        assertThat(result.tagged()).hasSize(2);
        assertThat(result.written()).isEqualTo(2);
        assertThat(result.problems()).isEmpty();
        assertThat(result.modelName()).isEqualTo("wd-test");
        assertThat(result.provider()).startsWith("CPU");
        assertThat(result.imagesPerSecond()).isPositive();
        TaggedImage first = result.tagged().get(0);
        assertThat(first.image()).isEqualTo(red);
        assertThat(first.contentHash()).isEqualTo(ContentHash.of(red));
        assertThat(first.predictions()).extracting(TagPrediction::tag)
                .containsExactly("red theme", "hatsune miku", "solo");
        assertThat(first.written()).extracting(TagPrediction::tag)
                .containsExactly("red theme", "hatsune miku", "solo");
        assertThat(first.caption()).isEqualTo(RED_TAGS);
    }

    @Test
    void appendKeepsTheCaptionAndAddsOnlyWhatIsMissing() throws IOException {
        Path red = image("01.png", Color.RED);
        write(red, "Solo, my own tag, GLSHS");
        TaggingResult result = tag(List.of(red), TagMode.APPEND);
        assertThat(read(red)).isEqualTo("glshs, Solo, my own tag, red theme, hatsune miku");
        assertThat(result.tagged().get(0).written()).extracting(TagPrediction::tag)
                .containsExactly("red theme", "hatsune miku");
    }

    @Test
    void appendingWhatIsAlreadyThereLeavesTheFileAlone() throws IOException {
        Path red = image("01.png", Color.RED);
        write(red, "glshs,red_theme,hatsune miku,solo");
        TaggingResult result = tag(List.of(red), TagMode.APPEND);
        assertThat(Files.readString(caption(red))).isEqualTo("glshs,red_theme,hatsune miku,solo");
        assertThat(result.tagged().get(0).changed()).isFalse();
        assertThat(result.tagged().get(0).written()).isEmpty();
        assertThat(result.written()).isZero();
    }

    @Test
    void fillTagsOnlyImagesWithoutACaptionOrWithOnlyTheTrigger() throws IOException {
        Path captioned = image("01.png", Color.BLUE);
        Path bare = image("02.png", Color.RED);
        Path triggerOnly = image("03.png", Color.RED);
        Path blank = image("04.png", Color.RED);
        write(captioned, "hand written");
        write(triggerOnly, "glshs\n");
        write(blank, "  \n");
        TaggingResult result = tag(List.of(captioned, bare, triggerOnly, blank), TagMode.FILL_EMPTY);
        assertThat(read(captioned)).isEqualTo("hand written");
        assertThat(read(bare)).isEqualTo(RED_TAGS);
        assertThat(read(triggerOnly)).isEqualTo(RED_TAGS);
        assertThat(read(blank)).isEqualTo(RED_TAGS);
        assertThat(result.skipped()).containsExactly(captioned);
        assertThat(result.tagged()).extracting(TaggedImage::image).containsExactly(bare, triggerOnly, blank);
    }

    @Test
    void aFixedBatchModelTagsTheSame() throws IOException {
        Path red = image("01.png", Color.RED);
        Path blue = image("02.png", Color.BLUE);
        try (TaggerModel fixed = TaggerModel.load(Wd14TestModel.colours().dynamicBatch(false)
                .writeTo(tmp.resolve("models/fixed")))) {
            TaggingResult result = new DatasetTagger().tag(List.of(red, blue), fixed, TaggerSettings.defaults(),
                    TagMode.REPLACE, "glshs", FileProgress.NONE, () -> false);
            assertThat(result.tagged()).hasSize(2);
        }
        assertThat(read(red)).isEqualTo(RED_TAGS);
        assertThat(read(blue)).isEqualTo("glshs, blue theme, hatsune miku, solo");
    }

    @Test
    void anImageThatFailsToDecodeIsReportedAndTheBatchGoesOn() throws IOException {
        Path first = image("01.png", Color.RED);
        Path broken = dataset.resolve("02.png");
        byte[] png = Files.readAllBytes(first);
        Files.write(broken, java.util.Arrays.copyOf(png, png.length / 2)); // truncated mid-data
        Path notAnImage = dataset.resolve("03.jpg");
        Files.writeString(notAnImage, "this is text");
        Path last = image("04.png", Color.BLUE);
        List<String> progress = new ArrayList<>();
        TaggingResult result = new DatasetTagger().tag(List.of(first, broken, notAnImage, last), model,
                TaggerSettings.defaults(), TagMode.REPLACE, "glshs",
                (done, total, item) -> progress.add(done + "/" + total + " " + item), () -> false);
        assertThat(result.tagged()).extracting(TaggedImage::image).containsExactly(first, last);
        assertThat(result.problems()).extracting(TaggingProblem::file).containsExactly(broken, notAnImage);
        assertThat(result.problems().get(0).message()).startsWith(broken.toString());
        assertThat(result.problems().get(1).message()).startsWith(notAnImage.toString());
        assertThat(caption(broken)).doesNotExist();
        assertThat(read(last)).isEqualTo("glshs, blue theme, hatsune miku, solo");
        assertThat(progress).hasSize(4).last().asString().startsWith("4/4");
    }

    @Test
    void cancellingInTheMiddleOfABatchLeavesEveryCaptionWholeOrUntouched() throws IOException {
        List<Path> images = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Path image = image("0" + i + ".png", Color.RED);
            write(image, "before " + i);
            images.add(image);
        }
        AtomicBoolean cancel = new AtomicBoolean();
        TaggingResult result = new DatasetTagger().tag(images, model, TaggerSettings.defaults(), TagMode.REPLACE,
                "glshs", (done, total, item) -> cancel.set(done == 2), cancel::get);
        // all six are one batch of the dynamic model; the cancel comes after the second caption is written
        assertThat(result.cancelled()).isTrue();
        assertThat(result.tagged()).hasSize(2);
        assertThat(read(images.get(0))).isEqualTo(RED_TAGS);
        assertThat(read(images.get(1))).isEqualTo(RED_TAGS);
        for (int i = 2; i < 6; i++) {
            assertThat(read(images.get(i))).isEqualTo("before " + (i + 1));
        }
        try (var files = Files.list(dataset)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("0\\d\\.(png|txt)"));
        }
    }

    @Test
    void aCaptionEditedWhileTaggingIsNotOverwritten() throws IOException {
        Path red = image("01.png", Color.RED);
        Path blue = image("02.png", Color.BLUE);
        write(blue, "before");
        // both are read before the batch is inferred; the other program edits 02.txt after 01 is written
        FileProgress otherProgram = (done, total, item) -> {
            if (done == 1) {
                try {
                    write(blue, "edited elsewhere");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        TaggingResult result = new DatasetTagger().tag(List.of(red, blue), model, TaggerSettings.defaults(),
                TagMode.APPEND, "glshs", otherProgram, () -> false);
        assertThat(read(blue)).isEqualTo("edited elsewhere");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(blue);
            assertThat(p.message()).startsWith(caption(blue).toString()).contains("changed by another program");
        });
        assertThat(result.tagged()).extracting(TaggedImage::image).containsExactly(red);
    }

    @Test
    void aBinaryCaptionIsReportedNotOverwritten() throws IOException {
        Path red = image("01.png", Color.RED);
        Files.write(caption(red), new byte[]{0, 1, 2, 3});
        TaggingResult result = tag(List.of(red), TagMode.REPLACE);
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith(caption(red).toString()));
        assertThat(Files.readAllBytes(caption(red))).containsExactly(0, 1, 2, 3);
    }
}
