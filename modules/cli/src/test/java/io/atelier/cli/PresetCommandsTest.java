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

class PresetCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path project;

    @BeforeEach
    void setUp() throws IOException {
        project = ProjectFolders.create(tmp.resolve("glass shards"),
                LoraProject.create("Glass", "glshs", LoraKind.STYLE, BaseModelFamily.PONY)).root();
        TestPictures.png(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB),
                project.resolve("dataset/01.png"));
        Files.writeString(project.resolve("dataset/01.txt"), "glshs, shard");
    }

    private CliRun run(String... args) {
        return CliRun.run(tmp.resolve("home"), args);
    }

    @Test
    void saveHistoryDiffRestoreExportImport() throws Exception {
        String name = "My \"XL\" — ståle";
        assertThat(run("preset", "save", name, "--from", project.toString(), "--note", "first").out())
                .contains("Saved \"" + name + "\" version 1.");
        run("config", "set", project.toString(), "network_dim=16", "unet_lr=2e-4");
        assertThat(run("preset", "save", name, "--from", project.toString()).out()).contains("version 2.");

        assertThat(run("preset", "diff", name, "1", "2").out())
                .contains("unet_lr: 1.0E-4 -> 2.0E-4", "network_dim: 32 -> 16", "2 parameter(s) differ.");
        run("config", "set", project.toString(), "seed=7");
        assertThat(run("preset", "diff", name, "2", "--project", project.toString()).out())
                .contains("seed: 42 -> 7", "1 parameter(s) differ.");
        assertThat(run("preset", "restore", name, "1").out()).contains("is now version 3.");
        JsonNode history = JSON.readTree(run("preset", "history", name, "--json").out());
        assertThat(history).hasSize(3);
        assertThat(history.get(2).get("values").get("network_dim").asInt()).isEqualTo(32);
        assertThat(history.get(2).get("note").asText()).isEqualTo("restored from version 1 (first)");

        Path file = tmp.resolve("out/preset.json");
        assertThat(run("preset", "export", name, "--version", "2", "--out", file.toString()).exitCode()).isZero();
        CliRun imported = run("preset", "import", file.toString(), "--name", "Copy");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(run("preset", "diff", name, "2", "--project", project.toString()).exitCode()).isZero();
        JsonNode list = JSON.readTree(run("preset", "list", "--json").out());
        assertThat(list).extracting(n -> n.get("name").asText()).contains("Universal XL (Pony / Illustrious)",
                "SD 1.5", name, "Copy");
        assertThat(JSON.readTree(run("preset", "show", "Copy", "--json").out()).get("values").get("network_dim")
                .asInt()).isEqualTo(16);
    }

    @Test
    void aKohyaGuiPresetWithUnknownKeysIsImportedWithTheListOfWhatWasIgnored() throws IOException {
        Path kohya = Files.writeString(tmp.resolve("kohya.json"), """
                {"LoRA_type": "Standard", "network_dim": 64, "network_alpha": 32, "optimizer": "AdamW8bit",
                 "learning_rate": 0.0001, "unet_lr": 0.0001, "text_encoder_lr": 5e-05, "max_train_epochs": 6,
                 "some_future_option": true}
                """);
        CliRun r = run("preset", "import", kohya.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(AtelierCommand.PARTIAL);
        assertThat(r.out()).contains("some_future_option").contains("as \"kohya\" version 1.");
        JsonNode shown = JSON.readTree(run("preset", "show", "kohya", "--json").out());
        assertThat(shown.get("values").get("network_dim").asInt()).isEqualTo(64);
        assertThat(shown.get("values").get("max_train_epochs").asInt()).isEqualTo(6);
    }

    @Test
    void builtInsAreReadOnlyAndBadNamesAreRefused() {
        assertThat(run("preset", "save", "SD 1.5", "--from", project.toString()).errorLine())
                .contains("built-in preset");
        assertThat(run("preset", "save", "two\nlines", "--from", project.toString()).errorLine())
                .contains("line breaks");
        assertThat(run("preset", "history", "nope").errorLine()).isEqualTo("atelier: no preset named \"nope\"");
    }

    @Test
    void configExportForSdScriptsAndCivitai() throws Exception {
        Path model = Files.write(Files.createDirectories(tmp.resolve("models")).resolve("pony v6 'final'.safetensors"),
                new byte[]{0});
        Path out = tmp.resolve("export dir");
        CliRun sd = run("config", "export", project.toString(), "--format", "sd-scripts", "--out", out.toString(),
                "--model", model.toString());
        assertThat(sd.exitCode()).as(sd.err()).isZero();
        String toml = Files.readString(out.resolve("train.toml"));
        assertThat(toml).containsPattern("resolution = ['\"]1024,1024['\"]").contains("network_alpha = 16.0")
                .contains("pony v6 'final'.safetensors");
        assertThat(Files.readString(out.resolve("dataset.toml"))).containsPattern("caption_extension = ['\"]\\.txt['\"]");

        CliRun civitai = run("config", "export", project.toString(), "--format", "civitai", "--out", out.toString());
        assertThat(civitai.exitCode()).as(civitai.err()).isZero();
        assertThat(out.resolve("glshs-dataset.zip")).exists();
        assertThat(out.resolve("civitai.json")).exists();
        assertThat(run("config", "export", project.toString(), "--format", "sd-scripts", "--out", out.toString())
                .errorLine()).contains("base model");
        assertThat(run("config", "export", project.toString(), "--format", "comfy", "--out", out.toString())
                .exitCode()).isEqualTo(1);
    }
}
