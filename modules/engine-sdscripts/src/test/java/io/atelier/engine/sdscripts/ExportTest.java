package io.atelier.engine.sdscripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.params.BuiltInPresets;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.civitai.CivitaiSheet;
import io.atelier.engine.sdscripts.exporting.ConfigExporter;
import io.atelier.engine.sdscripts.exporting.ExportFormat;
import io.atelier.engine.sdscripts.exporting.ExportInputs;
import io.atelier.engine.sdscripts.toml.TomlText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {

    @TempDir
    Path dir;

    @Test
    void sdScriptsExportWritesThreeFilesThatPointAtEachOther() throws Exception {
        TrainingConfig c = BuiltInPresets.universalXl().with(Params.SAMPLE_PROMPTS, "mychar, smiling");
        Path out = dir.resolve("export 1");
        ConfigExporter.Result r = ConfigExporter.export(ExportFormat.SD_SCRIPTS, c, new ExportInputs(
                dir.resolve("proj/dataset"), Optional.of(dir.resolve("m.safetensors")), Optional.of("mychar"),
                OptionalInt.empty()), out);
        assertThat(r.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("train.toml", "dataset.toml", "prompts.txt");
        var train = TomlText.parse(Files.readString(out.resolve("train.toml")), "train.toml");
        assertThat(Path.of(train.get("dataset_config").asText())).exists();
        assertThat(Path.of(train.get("sample_prompts").asText())).exists();
        assertThat(Files.readString(out.resolve("prompts.txt")))
                .isEqualTo("mychar, smiling --w 1024 --h 1024 --d 1234 --l 7 --s 28\n");
    }

    @Test
    void sdScriptsExportNeedsTheModelFile() {
        assertThatThrownBy(() -> ConfigExporter.export(ExportFormat.SD_SCRIPTS, BuiltInPresets.universalXl(),
                new ExportInputs(dir, Optional.empty(), Optional.empty(), OptionalInt.empty()), dir))
                .hasMessageContaining("pretrained model");
    }

    @Test
    void civitaiSheetListsTheWorkflowParametersAndTheStepTotal() throws Exception {
        ConfigExporter.export(ExportFormat.CIVITAI, BuiltInPresets.universalXl(), new ExportInputs(dir,
                Optional.empty(), Optional.empty(), OptionalInt.of(30)), dir);
        String text = Files.readString(dir.resolve("civitai.txt"));
        assertThat(text).contains("Epochs", "Num Repeats", "unverified", "total steps 3600")
                .containsPattern("Network Alpha +16\n").containsPattern("Optimizer +AdamW8bit\n")
                .containsPattern("Unet LR +0.0001\n");
        assertThat(CivitaiSheet.totalSteps(BuiltInPresets.universalXl().with(Params.REPEATS, 61), 31))
                .as("31 × 61 = 1891 images per epoch, 946 batches of 2").isEqualTo(946 * 4);
        assertThat(Files.readString(dir.resolve("civitai.json"))).contains("\"labelsVerified\" : false");
    }

    @Test
    void kohyaExportIsNamedAfterTheOutputName() throws Exception {
        ConfigExporter.Result r = ConfigExporter.export(ExportFormat.KOHYA_GUI,
                BuiltInPresets.universalXl().with(Params.OUTPUT_NAME, "a/b"), new ExportInputs(dir,
                        Optional.empty(), Optional.empty(), OptionalInt.empty()), dir);
        assertThat(r.files()).containsExactly(dir.resolve("a_b.json"));
        assertThat(ExportFormat.byId("Kohya-GUI")).isEqualTo(ExportFormat.KOHYA_GUI);
    }
}
