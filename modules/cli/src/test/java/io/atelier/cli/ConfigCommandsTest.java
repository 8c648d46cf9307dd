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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path project;

    @BeforeEach
    void setUp() throws IOException {
        project = ProjectFolders.create(tmp.resolve("glass"),
                LoraProject.create("Glass", "glshs", LoraKind.STYLE, BaseModelFamily.PONY)).root();
        Path dataset = project.resolve("dataset");
        for (int i = 1; i <= 40; i++) {
            String name = String.format("%02d", i);
            TestPictures.png(new java.awt.image.BufferedImage(i == 40 ? 64 : 48, 48,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), dataset.resolve(name + ".png"));
            if (i != 7) {
                Files.writeString(dataset.resolve(name + ".txt"), i == 3 ? "shard, glshs" : "glshs, shard");
            }
        }
    }

    private CliRun run(String... args) {
        return CliRun.run(tmp.resolve("home"), args);
    }

    @Test
    void aNewProjectStartsFromItsFamilysPresetAndSetChecksEverythingFirst() throws Exception {
        JsonNode shown = JSON.readTree(run("config", "show", project.toString(), "--json").out());
        assertThat(shown.get("preset").asText()).isEqualTo("Universal XL (Pony / Illustrious)");
        assertThat(shown.get("values").get("model_family").asText()).isEqualTo("pony");
        assertThat(shown.get("values").get("output_name").asText()).isEqualTo("glshs");
        assertThat(shown.get("values").get("network_alpha").asDouble()).isEqualTo(16.0);

        CliRun bad = run("config", "set", project.toString(), "network_dim=16", "unet_lr=-1");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.errorLine()).isEqualTo("atelier: unet_lr: -1.0 is below the minimum 0; nothing was changed");
        assertThat(project.resolve("configs/training.json")).doesNotExist();

        CliRun set = run("config", "set", project.toString(), "network_dim=16", "lr_scheduler=cosine");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("network_dim: 32 -> 16", "lr_scheduler: cosine_with_restarts -> cosine");
        assertThat(run("config", "show", project.toString()).out()).contains("network_dim").contains("*");
    }

    @Test
    void stepsAndChecks() throws Exception {
        JsonNode steps = JSON.readTree(run("config", "steps", project.toString(), "--json").out());
        assertThat(steps.get("images").asInt()).isEqualTo(40);
        assertThat(steps.get("totalSteps").asLong()).isEqualTo(4800);   // 40 × 60 × 4 ÷ 2, two buckets of even size
        assertThat(steps.get("suggestedRepeats").asInt()).isEqualTo(50);
        assertThat(run("config", "steps", project.toString()).out()).contains("4,800 steps", "50 repeats fit",
                "LoRA file: about 228.4 MB");

        run("config", "set", project.toString(), "lr_scheduler=cosine");
        CliRun check = run("config", "check", project.toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("Warning: 4,800 total steps exceed the 4,000-step budget",
                "(atelier config set " + project + " num_repeats=50)",
                "Plain cosine ignores the 3 cycles", "Note: Clip skip 2 has no effect on SDXL",
                "1 images have no caption: they train on nothing but the image (07.png)",
                "1 captions do not start with the trigger word \"glshs\" (03.png)");
        JsonNode json = JSON.readTree(run("config", "check", project.toString(), "--json").out());
        assertThat(json.get(0).get("id").asText()).isEqualTo("steps-over-budget");
    }

    @Test
    void aBrokenConfigFileIsNamed() throws IOException {
        Files.createDirectories(project.resolve("configs"));
        Files.writeString(project.resolve("configs/training.json"), "{\"values\": {\"network_dim\": 0}}");
        CliRun r = run("config", "show", project.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).contains("training.json").contains("network_dim: 0 is below the minimum 1");
    }
}
