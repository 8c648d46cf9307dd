package io.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path project;

    @BeforeEach
    void setUp() throws IOException {
        project = ProjectFolders.create(tmp.resolve("mira"),
                LoraProject.create("Mira", "m1ra", LoraKind.CHARACTER, BaseModelFamily.SDXL)).root();
        Path dataset = project.resolve("dataset");
        TestPictures.png(TestPictures.picture(1, 1200, 900), dataset.resolve("01.png"));
        Files.copy(dataset.resolve("01.png"), dataset.resolve("02.png"));
        TestPictures.png(TestPictures.picture(2, 600, 800), dataset.resolve("03.png"));
        Files.write(dataset.resolve("04.jpg"), TestPictures.jpeg(TestPictures.picture(3, 1024, 1024), 0.4f));
        Files.write(dataset.resolve("05.png"), new byte[0]);
        Files.writeString(dataset.resolve("06.jpg"), "not an image");
        for (String base : List.of("01", "02", "04")) {
            Files.writeString(dataset.resolve(base + ".txt"), "m1ra, 1girl");
        }
    }

    private Path home() {
        return tmp.resolve("home");
    }

    @Test
    void checkJson() throws Exception {
        CliRun run = CliRun.run(home(), "dataset", "check", project.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(fields(r)).containsExactly("project", "longSide", "imageCount", "size", "sizeAdvice", "images",
                "problems", "exactDuplicates", "nearDuplicates", "aspectSpread", "uncaptioned");
        assertThat(r.get("longSide").asInt()).isEqualTo(1024);
        assertThat(r.get("imageCount").asInt()).isEqualTo(4);
        assertThat(r.get("size").asText()).isEqualTo("too-few");
        assertThat(fields(r.get("images").get(0))).containsExactly("file", "format", "width", "height",
                "needsUpscale", "scaleFactor", "blurScore", "blurry", "jpegQuality", "heavyCompression", "captioned",
                "contentHash", "perceptualHash", "rotatedByExif", "transparent");
        assertThat(r.get("images").get(2).get("file").asText()).isEqualTo("03.png");
        assertThat(r.get("images").get(2).get("needsUpscale").asBoolean()).isTrue();
        assertThat(r.get("images").get(3).get("jpegQuality").asInt()).isEqualTo(40);
        assertThat(r.get("images").get(3).get("heavyCompression").asBoolean()).isTrue();
        assertThat(r.get("exactDuplicates").toString()).isEqualTo("[[\"01.png\",\"02.png\"]]");
        assertThat(r.get("problems")).hasSize(2);
        assertThat(r.get("problems").get(0).get("file").asText()).isEqualTo("05.png");
        assertThat(r.get("uncaptioned").toString()).isEqualTo("[\"03.png\"]");
        assertThat(fields(r.get("aspectSpread"))).containsExactly("min", "minFile", "max", "maxFile");
    }

    @Test
    void checkText() {
        CliRun run = CliRun.run(home(), "dataset", "check", project.toString(), "--long-side", "512");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("01.png = 02.png", "heavy JPEG", "no caption", "too few images",
                "Unreadable: 2", "05.png", "06.jpg");
    }

    @Test
    void bucketsJson() throws Exception {
        CliRun run = CliRun.run(home(), "dataset", "buckets", project.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(fields(r)).containsExactly("project", "settings", "images", "buckets", "meanAspectError",
                "warnings", "problems");
        assertThat(fields(r.get("settings"))).containsExactly("resolution", "minReso", "maxReso", "steps",
                "noUpscale");
        assertThat(r.get("settings").get("resolution").asInt()).isEqualTo(1024);
        assertThat(r.get("settings").get("minReso").asInt()).isEqualTo(256);
        assertThat(r.get("settings").get("steps").asInt()).isEqualTo(64);
        assertThat(r.get("images")).hasSize(4);
        assertThat(fields(r.get("images").get(0))).containsExactly("file", "width", "height", "bucketWidth",
                "bucketHeight", "resizedWidth", "resizedHeight", "crop", "upscaled", "croppedFraction",
                "aspectError");
        int total = 0;
        for (JsonNode b : r.get("buckets")) {
            total += b.get("count").asInt();
            assertThat(b.get("width").asInt() % 64).isZero();
            assertThat(b.get("height").asInt() % 64).isZero();
        }
        assertThat(total).isEqualTo(4);
        JsonNode first = r.get("images").get(0);
        assertThat(first.get("bucketWidth").asInt() * first.get("bucketHeight").asInt()).isLessThanOrEqualTo(1024 * 1024);
        assertThat(r.get("problems")).extracting(p -> p.get("file").asText()).containsExactly("05.png", "06.jpg");
    }

    @Test
    void bucketsNoUpscaleAndText() throws Exception {
        JsonNode r = JSON.readTree(CliRun.run(home(), "dataset", "buckets", project.toString(), "--no-upscale",
                "--json").out());
        assertThat(r.get("settings").get("noUpscale").asBoolean()).isTrue();
        for (JsonNode i : r.get("images")) {
            assertThat(i.get("upscaled").asBoolean()).as(i.get("file").asText()).isFalse();
        }
        CliRun text = CliRun.run(home(), "dataset", "buckets", project.toString(), "--resolution", "768",
                "--max-reso", "1024");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("BUCKET", "IMAGES", "01.png", "Mean aspect error", "Unreadable: 2");
    }

    @Test
    void badFolders() throws IOException {
        CliRun missing = CliRun.run(home(), "dataset", "check", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errorLine()).startsWith("atelier: ").contains("does not exist");
        Files.createDirectories(tmp.resolve("plain"));
        CliRun plain = CliRun.run(home(), "dataset", "buckets", tmp.resolve("plain").toString());
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.errorLine()).startsWith("atelier: ").contains("not a LoRA project folder");
        CliRun badSteps = CliRun.run(home(), "dataset", "buckets", project.toString(), "--steps", "0");
        assertThat(badSteps.exitCode()).isEqualTo(1);
        assertThat(badSteps.errorLine()).startsWith("atelier: ");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
