package io.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectFolders;
import io.atelier.tagger.fixture.Wd14TestModel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tags auto} and {@code tags preprocess} with a generated WD14-shaped model. */
class TagsAutoCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path project;
    private Path dataset;
    private Path model;

    @BeforeEach
    void setUp() throws IOException {
        project = ProjectFolders.create(tmp.resolve("mira"),
                LoraProject.create("Mira", "m1ra", LoraKind.CHARACTER, BaseModelFamily.SDXL)).root();
        dataset = project.resolve("dataset");
        model = Wd14TestModel.colours().writeTo(tmp.resolve("models/wd-test-tagger"));
        picture("01.png", Color.RED);
        picture("02.png", Color.BLUE);
        Files.writeString(dataset.resolve("02.txt"), "blue, by hand", StandardCharsets.UTF_8);
    }

    private void picture(String name, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 30, 20);
        g.dispose();
        ImageIO.write(image, "png", dataset.resolve(name).toFile());
    }

    private CliRun run(String... args) {
        return CliRun.run(tmp.resolve("home"), args);
    }

    private String caption(String name) throws IOException {
        return Files.readString(dataset.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void fillTagsOnlyUncaptionedImagesAndPrintsTheSummary() throws IOException {
        CliRun r = run("tags", "auto", project.toString(), "--model", model.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(caption("01.txt")).isEqualTo("m1ra, red theme, hatsune miku, solo\n");
        assertThat(caption("02.txt")).isEqualTo("blue, by hand");
        assertThat(r.out()).contains("01.png: m1ra, red theme, hatsune miku, solo  (+3)")
                .contains("02.png: skipped (has a caption)")
                .containsPattern("Tagged 1 of 2 images with wd-test-tagger on CPU \\(fill mode\\): 1 captions "
                        + "written, 1 skipped, 0 problems; [0-9.]+ images/s\\.");
    }

    @Test
    void theModelsTagsAreRememberedInTheStoreByImageContent() throws Exception {
        CliRun r = run("tags", "auto", project.toString(), "--model", model.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        String sha = io.atelier.imaging.hash.ContentHash.of(dataset.resolve("01.png"));
        try (io.atelier.store.Store store = io.atelier.store.Store.open(
                new io.atelier.store.StoreLocation(tmp.resolve("home")))) {
            assertThat(store.taggerTags().tagsOf(sha)).extracting(io.atelier.store.ModelTag::tag)
                    .containsExactlyInAnyOrder("red theme", "hatsune miku", "solo");
            assertThat(store.taggerTags().tagsOf(sha)).allSatisfy(t -> {
                assertThat(t.model()).isEqualTo("wd-test-tagger");
                assertThat(t.probability()).isBetween(0f, 1f);
            });
            String skipped = io.atelier.imaging.hash.ContentHash.of(dataset.resolve("02.png"));
            assertThat(store.taggerTags().tagsOf(skipped)).isEmpty();
        }
    }

    @Test
    void appendWithRatingAndThresholdsAsJson() throws IOException {
        CliRun r = run("tags", "auto", project.toString(), "--model", model.toString(), "--mode", "append",
                "--rating", "last", "--character-threshold", "0.96", "--threshold", "0.3", "--max-tags", "30",
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(caption("02.txt")).isEqualTo("m1ra, blue, by hand, blue theme, solo, sensitive\n");
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.get("model").asText()).isEqualTo("wd-test-tagger");
        assertThat(json.get("provider").asText()).startsWith("CPU");
        assertThat(json.get("mode").asText()).isEqualTo("append");
        assertThat(json.get("images").asInt()).isEqualTo(2);
        assertThat(json.get("written").asInt()).isEqualTo(2);
        assertThat(json.get("imagesPerSecond").asDouble()).isPositive();
        JsonNode second = json.get("tagged").get(1);
        assertThat(second.get("file").asText()).isEqualTo("02.png");
        assertThat(second.get("sha256").asText()).hasSize(64);
        assertThat(second.get("written")).extracting(t -> t.get("tag").asText())
                .containsExactly("blue theme", "solo", "sensitive");
        assertThat(second.get("written").get(2).get("category").asText()).isEqualTo("rating");
        assertThat(second.get("written").get(1).get("probability").asDouble()).isBetween(0.89, 0.91);
    }

    @Test
    void mcutAndExclusions() throws IOException {
        CliRun r = run("tags", "auto", project.toString(), "--model", model.toString(), "--mode", "replace",
                "--mcut", "--exclude", "solo,Hatsune_Miku");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // general probabilities: red theme ≈ 1, solo 0.9, blue theme ≈ 0 → MCut keeps both, solo is excluded
        assertThat(caption("01.txt")).isEqualTo("m1ra, red theme\n");
    }

    @Test
    void anUnreadableImageIsListedAndTheRestTagged() throws IOException {
        Files.writeString(dataset.resolve("03.png"), "not a png");
        CliRun r = run("tags", "auto", project.toString(), "--model", model.toString(), "--mode", "replace");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(AtelierCommand.PARTIAL);
        assertThat(r.out()).contains("Not tagged: 1").contains(dataset.resolve("03.png").toString());
        assertThat(caption("02.txt")).isEqualTo("m1ra, blue theme, hatsune miku, solo\n");
    }

    @Test
    void aBadModelFolderIsOneLineNamingTheFile() throws IOException {
        Files.delete(model.resolve("selected_tags.csv"));
        CliRun r = run("tags", "auto", project.toString(), "--model", model.toString());
        assertThat(r.exitCode()).isEqualTo(AtelierCommand.FAILED);
        assertThat(r.errorLine()).startsWith("atelier: " + model.resolve("selected_tags.csv"))
                .contains("missing");

        Files.writeString(model.resolve("selected_tags.csv"), "tag_id,name,category,count\n1,solo,0,1\n");
        r = run("tags", "auto", project.toString(), "--model", model.toString());
        assertThat(r.errorLine()).contains(model.resolve("model.onnx").toString())
                .contains("has 8 tags, but selected_tags.csv lists 1");

        Files.writeString(model.resolve("model.onnx"), "not onnx");
        r = run("tags", "auto", project.toString(), "--model", model.toString());
        assertThat(r.errorLine()).contains(model.resolve("model.onnx").toString()).contains("not a usable ONNX model");
    }

    @Test
    void badOptionsAreOneLine() {
        assertThat(run("tags", "auto", project.toString(), "--model", model.toString(), "--mode", "merge")
                .errorLine()).isEqualTo("atelier: --mode must be append, replace or fill, got \"merge\"");
        assertThat(run("tags", "auto", project.toString(), "--model", model.toString(), "--threshold", "2")
                .errorLine()).contains("general threshold must be between 0 and 1");
        assertThat(run("tags", "auto", tmp.toString(), "--model", model.toString()).errorLine())
                .contains("is not a LoRA project folder");
    }

    @Test
    void preprocessWritesTheTensorAsNpy() throws IOException {
        Path out = tmp.resolve("t.npy");
        CliRun r = run("tags", "preprocess", dataset.resolve("01.png").toString(), "--size", "4", "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("float32 [1, 4, 4, 3]");
        byte[] bytes = Files.readAllBytes(out);
        String header = new String(bytes, 10, 118, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4, 4, 3), }");
        ByteBuffer data = ByteBuffer.wrap(bytes, 128, bytes.length - 128).order(ByteOrder.LITTLE_ENDIAN);
        // 30x20 red → 30x30 with white bands above and below (5 rows each) → 4x4: the top-left pixel mixes white
        // and red, so blue = green < red = 255
        float b = data.getFloat();
        float g = data.getFloat();
        float red = data.getFloat();
        assertThat(red).isEqualTo(255f);
        assertThat(b).isEqualTo(g).isLessThan(255f).isGreaterThan(0f);
        assertThat(bytes.length).isEqualTo(128 + 4 * 4 * 3 * 4);
    }

    @Test
    void preprocessOfAnUnreadableImageNamesIt() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.png"), "x");
        CliRun r = run("tags", "preprocess", bad.toString(), "--out", tmp.resolve("o.npy").toString());
        assertThat(r.exitCode()).isEqualTo(AtelierCommand.FAILED);
        assertThat(r.errorLine()).startsWith("atelier: " + bad);
        assertThat(tmp.resolve("o.npy")).doesNotExist();
    }
}
