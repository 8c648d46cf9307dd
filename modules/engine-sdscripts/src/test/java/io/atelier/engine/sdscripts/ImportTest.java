package io.atelier.engine.sdscripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.params.BuiltInPresets;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.config.ConfigTomlReader;
import io.atelier.engine.sdscripts.config.ConfigTomlWriter;
import io.atelier.engine.sdscripts.config.RunPaths;
import io.atelier.engine.sdscripts.exporting.ExportedText;
import io.atelier.engine.sdscripts.importing.ImportResult;
import io.atelier.engine.sdscripts.kohya.KohyaGuiExport;
import io.atelier.engine.sdscripts.kohya.KohyaGuiImport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImportTest {

    /** The reference's example of the seed preset in the GUI's format (§14), plus two unknown keys. */
    private static final String GUI_PRESET = """
            { "LoRA_type": "Standard", "sdxl": true, "epoch": 4, "max_train_epochs": "4", "train_batch_size": 2,
              "max_resolution": "1024,1024", "enable_bucket": true, "min_bucket_reso": 256, "max_bucket_reso": 2048,
              "bucket_reso_steps": 64, "caption_extension": ".txt", "shuffle_caption": false, "keep_tokens": "1",
              "clip_skip": "2", "flip_aug": false, "learning_rate": 0.0001, "unet_lr": 0.0001, "text_encoder_lr": 5e-05,
              "lr_scheduler": "cosine_with_restarts", "lr_scheduler_num_cycles": "3", "lr_warmup": 0, "min_snr_gamma": 0,
              "network_dim": 32, "network_alpha": 16, "noise_offset": 0.03, "noise_offset_type": "Original",
              "optimizer": "AdamW8bit", "optimizer_args": "", "mixed_precision": "bf16", "save_precision": "fp16",
              "save_every_n_epochs": 1, "gradient_checkpointing": true, "cache_latents": true, "cache_latents_to_disk": false,
              "sdxl_no_half_vae": false, "sdxl_cache_text_encoder_outputs": false, "xformers": "sdpa", "seed": "42",
              "train_data_dir": "D:\\\\job\\\\img", "color_aug": false }
            """;

    @Test
    void referencePresetImportsAsTheUniversalPresetListingUnknownKeys() {
        TrainingConfig base = BuiltInPresets.sd15();
        ImportResult r = KohyaGuiImport.read(GUI_PRESET, "preset.json", base);
        assertThat(r.report().problems()).isEmpty();
        assertThat(r.report().ignored()).contains("ignored: train_data_dir=\"D:\\\\job\\\\img\"",
                "ignored: color_aug=false", "ignored: cache_latents_to_disk=false", "ignored: sdxl_no_half_vae=false");
        TrainingConfig c = r.config();
        assertThat(c.getString(Params.MODEL_FAMILY)).isEqualTo("sdxl");
        assertThat(c.getInt(Params.EPOCHS)).isEqualTo(4);
        assertThat(c.getInt(Params.RESOLUTION)).isEqualTo(1024);
        assertThat(c.getInt(Params.KEEP_TOKENS)).isEqualTo(1);
        assertThat(c.getDouble(Params.NETWORK_ALPHA)).isEqualTo(16.0);
        assertThat(c.getString(Params.OPTIMIZER_TYPE)).isEqualTo("AdamW8bit");
        assertThat(c.getInt(Params.SEED)).isEqualTo(42);
        assertThat(c.getString(Params.ATTENTION)).isEqualTo("sdpa");
        // every value the GUI preset holds equals the universal preset's
        assertThat(c.diff(BuiltInPresets.universalXl())).isEmpty();
    }

    @Test
    void wrongTypesAndOutOfRangeValuesAreNamed() {
        String json = """
                { "network_dim": "abc", "network_alpha": 5000, "enable_bucket": "maybe", "keep_tokens": 1.5,
                  "optimizer": "NoSuchOpt", "max_resolution": "huge", "train_batch_size": 4 }
                """;
        ImportResult r = KohyaGuiImport.read(json, "bad.json", BuiltInPresets.universalXl());
        assertThat(r.report().problems()).hasSize(6);
        assertThat(String.join("\n", r.report().problems()))
                .contains("network_dim: expected a whole number, found text \"abc\"")
                .contains("network_alpha: 5000.0 is above the maximum 1024")
                .contains("enable_bucket: expected true or false")
                .contains("keep_tokens: expected a whole number, found number 1.5")
                .contains("optimizer → optimizer_type: \"NoSuchOpt\" is not one of")
                .contains("max_resolution: \"huge\" is not a size");
        assertThat(r.config().getInt(Params.BATCH_SIZE)).as("good values still import").isEqualTo(4);
        assertThat(r.config().getInt(Params.NETWORK_DIM)).as("bad ones keep the base").isEqualTo(32);
    }

    @Test
    void kohyaExportImportRoundTrip() {
        TrainingConfig c = BuiltInPresets.sd15().with(Params.EPOCHS, 7).with(Params.NETWORK_DIM, 16)
                .with(Params.NETWORK_ALPHA, 8.0).with(Params.OPTIMIZER_TYPE, "Prodigy")
                .with(Params.OPTIMIZER_ARGS, "weight_decay=0.01\nd_coef=2").with(Params.ATTENTION, "xformers")
                .with(Params.SAMPLE_PROMPTS, "mychar, smiling\nmychar, sitting --w 512").with(Params.SEED, 7)
                .with(Params.OUTPUT_NAME, "my \"char\"").with(Params.TRAIN_UNET_ONLY, true)
                .with(Params.LR_SCHEDULER, "constant").with(Params.BUCKET_NO_UPSCALE, true);
        ExportedText out = KohyaGuiExport.export(c);
        assertThat(out.notes()).anyMatch(n -> n.startsWith("num_repeats=60"));
        ImportResult back = KohyaGuiImport.read(out.text(), "export.json", BuiltInPresets.universalXl());
        assertThat(back.report().problems()).isEmpty();
        assertThat(back.config().diff(c)).as(back.report().lines().toString()).isEmpty();
    }

    @Test
    void kohyaSyntaxErrorNamesTheFile() {
        assertThatThrownBy(() -> KohyaGuiImport.read("{ \"a\": ", "broken.json", BuiltInPresets.universalXl()))
                .hasMessageContaining("broken.json").hasMessageContaining("not valid JSON");
    }

    @Test
    void sdScriptsTomlRoundTrip() {
        TrainingConfig c = BuiltInPresets.universalXl().with(Params.EPOCHS, 6).with(Params.NETWORK_ALPHA, 8.0)
                .with(Params.MIN_SNR_GAMMA, 5.0).with(Params.LR_WARMUP_STEPS, 100)
                .with(Params.OPTIMIZER_ARGS, "weight_decay=0.01").with(Params.ATTENTION, "xformers");
        String toml = ConfigTomlWriter.write(c, RunPaths.inRunFolder(Path.of("/m.safetensors"), Path.of("/run"),
                true));
        ImportResult back = ConfigTomlReader.read(toml, "train.toml", BuiltInPresets.universalXl());
        assertThat(back.report().problems()).isEmpty();
        assertThat(back.report().ignored()).anyMatch(i -> i.startsWith("ignored: pretrained_model_name_or_path="));
        assertThat(back.config().diff(c)).isEmpty();
    }

    @Test
    void sdScriptsTomlWrongTypesAreNamedAndUnknownKeysListed() {
        String toml = """
                max_train_epochs = "4"
                network_alpha = 16
                resolution = 1024
                gradient_checkpointing = "yes"
                network_dim = 99999
                my_typo_key = 3

                [optimizer_arguments]
                optimizer_type = "Lion"
                learning_rate = 3e-4
                """;
        ImportResult r = ConfigTomlReader.read(toml, "kohya.toml", BuiltInPresets.universalXl());
        assertThat(String.join("\n", r.report().problems()))
                .contains("max_train_epochs: expected a whole number, found text \"4\"")
                .contains("resolution: expected a string such as \"1024,1024\"")
                .contains("gradient_checkpointing: expected true or false, found text \"yes\"")
                .contains("network_dim: 99999 is above the maximum 1024");
        assertThat(r.report().ignored()).containsExactly("ignored: my_typo_key=3");
        assertThat(r.config().getDouble(Params.NETWORK_ALPHA)).as("an int is a valid float").isEqualTo(16.0);
        assertThat(r.config().getString(Params.OPTIMIZER_TYPE)).as("sections flattened").isEqualTo("Lion");
        assertThat(r.config().getDouble(Params.LEARNING_RATE)).isEqualTo(3e-4);
    }

    @Test
    void nonSquareResolutionImportsItsLongSideWithANote() {
        ImportResult r = ConfigTomlReader.read("resolution = \"1024,768\"\n", "a.toml", BuiltInPresets.sd15());
        assertThat(r.config().getInt(Params.RESOLUTION)).isEqualTo(1024);
        assertThat(r.report().notes()).anyMatch(n -> n.contains("1024×768"));
    }

    @Test
    void tomlSyntaxErrorNamesTheFileAndLine() {
        assertThatThrownBy(() -> ConfigTomlReader.read("a = 1\nb = = 2\n", "bad.toml", BuiltInPresets.sd15()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.toml (line 2)");
    }
}
