package io.atelier.engine.sdscripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.params.BuiltInPresets;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.config.ConfigTomlWriter;
import io.atelier.engine.sdscripts.config.RunPaths;
import io.atelier.engine.sdscripts.toml.TomlText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTomlWriterTest {

    private static final RunPaths PATHS = new RunPaths(Path.of("/models/sd_xl_base_1.0.safetensors"),
            Path.of("/job/dataset.toml"), Path.of("/job/out"), Path.of("/job/logs"),
            Optional.of(Path.of("/job/prompts.txt")));

    @Test
    void universalPresetHasTheReferenceKeysAndTypes() {
        ObjectNode t = parse(ConfigTomlWriter.write(BuiltInPresets.universalXl(), PATHS));

        // the keys of the reference's example (§1), minus clip_skip, which SDXL ignores with a warning
        assertThat(names(t)).contains("pretrained_model_name_or_path", "dataset_config", "output_dir",
                "output_name", "logging_dir", "network_module", "network_dim", "network_alpha", "learning_rate",
                "unet_lr", "text_encoder_lr", "optimizer_type", "lr_scheduler", "lr_scheduler_num_cycles",
                "max_train_epochs", "noise_offset", "mixed_precision", "save_precision", "save_model_as",
                "save_every_n_epochs", "gradient_checkpointing", "cache_latents", "sdpa", "seed", "sample_prompts",
                "sample_every_n_epochs", "sample_sampler", "console_log_simple");
        assertThat(t.has("clip_skip")).isFalse();
        assertThat(t.has("xformers")).isFalse();
        assertThat(t.has("min_snr_gamma")).as("0 = off is omitted").isFalse();

        assertThat(t.get("resolution").isTextual()).isTrue();
        assertThat(t.get("resolution").asText()).isEqualTo("1024,1024");
        assertThat(t.get("network_alpha").isFloatingPointNumber()).isTrue();
        assertThat(t.get("network_alpha").doubleValue()).isEqualTo(16.0);
        assertThat(t.get("network_dim").isIntegralNumber()).isTrue();
        assertThat(t.get("network_dim").intValue()).isEqualTo(32);
        assertThat(t.get("learning_rate").doubleValue()).isEqualTo(1e-4);
        assertThat(t.get("unet_lr").doubleValue()).isEqualTo(1e-4);
        assertThat(t.get("text_encoder_lr").doubleValue()).isEqualTo(5e-5);
        assertThat(t.get("noise_offset").isFloatingPointNumber()).isTrue();
        assertThat(t.get("lr_scheduler").asText()).isEqualTo("cosine_with_restarts");
        assertThat(t.get("lr_scheduler_num_cycles").intValue()).isEqualTo(3);
        assertThat(t.get("max_train_epochs").intValue()).isEqualTo(4);
        assertThat(t.get("optimizer_type").asText()).isEqualTo("AdamW8bit");
        assertThat(t.get("network_module").asText()).isEqualTo("networks.lora");
        assertThat(t.get("save_model_as").asText()).isEqualTo("safetensors");
        for (String flag : List.of("gradient_checkpointing", "cache_latents", "sdpa", "console_log_simple")) {
            assertThat(t.get(flag).isBoolean()).as(flag).isTrue();
            assertThat(t.get(flag).booleanValue()).as(flag).isTrue();
        }
        assertThat(t.get("sample_prompts").asText()).isEqualTo(Path.of("/job/prompts.txt").toString());
    }

    @Test
    void sd15WritesClipSkipAndXformersFollowsTheAttentionSetting() {
        TrainingConfig c = BuiltInPresets.sd15().with(Params.ATTENTION, "xformers");
        ObjectNode t = parse(ConfigTomlWriter.write(c, PATHS));
        assertThat(t.get("clip_skip").intValue()).isEqualTo(2);
        assertThat(t.get("xformers").booleanValue()).isTrue();
        assertThat(t.has("sdpa")).isFalse();
    }

    @Test
    void cyclesOnlyWithRestartsAndLearningRateFallsBackToUnetLr() {
        TrainingConfig c = BuiltInPresets.universalXl().with(Params.LR_SCHEDULER, "cosine")
                .with(Params.LEARNING_RATE, 0.0).with(Params.UNET_LR, 2e-4);
        ObjectNode t = parse(ConfigTomlWriter.write(c, PATHS));
        assertThat(t.has("lr_scheduler_num_cycles")).isFalse();
        assertThat(t.get("learning_rate").doubleValue()).isEqualTo(2e-4);
    }

    @Test
    void optimizerArgsBecomeAnArrayOfStrings() {
        TrainingConfig c = BuiltInPresets.universalXl().with(Params.OPTIMIZER_ARGS, "weight_decay=0.01\n\nbetas=[0.9, 0.999]\n");
        JsonNode a = parse(ConfigTomlWriter.write(c, PATHS)).get("optimizer_args");
        assertThat(a.isArray()).isTrue();
        assertThat(a.get(0).asText()).isEqualTo("weight_decay=0.01");
        assertThat(a.get(1).asText()).isEqualTo("betas=[0.9, 0.999]");
    }

    @Test
    void awkwardPathsAndNamesRoundTrip() {
        List<String> names = List.of("C:\\Users\\Zoë\\My LoRAs\\model.safetensors", "/tmp/it's \"quoted\"/x",
                "D:\\a'b\\\"c\"\\d", "/home/用户/データ/モデル.safetensors", "tab\there", "emoji 🎨 dir");
        for (String name : names) {
            RunPaths p = new RunPaths(Path.of(name), Path.of(name + ".toml"), Path.of(name, "out"),
                    Path.of(name, "logs"), Optional.of(Path.of(name, "prompts.txt")));
            TrainingConfig c = BuiltInPresets.universalXl().with(Params.OUTPUT_NAME, "n'a\"m\\e ü");
            ObjectNode t = parse(ConfigTomlWriter.write(c, p));
            assertThat(t.get("pretrained_model_name_or_path").asText()).as(name).isEqualTo(Path.of(name).toString());
            assertThat(t.get("dataset_config").asText()).isEqualTo(Path.of(name + ".toml").toString());
            assertThat(t.get("output_dir").asText()).isEqualTo(Path.of(name, "out").toString());
            assertThat(t.get("output_name").asText()).isEqualTo("n'a\"m\\e ü");
        }
    }

    @Test
    void windowsPathsAreWrittenAsLiteralStrings() {
        RunPaths p = new RunPaths(Path.of("D:\\models\\sd_xl.safetensors"), Path.of("D:\\job\\dataset.toml"),
                Path.of("D:\\job\\out"), Path.of("D:\\job\\logs"), Optional.empty());
        String toml = ConfigTomlWriter.write(BuiltInPresets.universalXl(), p);
        assertThat(toml).contains("pretrained_model_name_or_path = 'D:\\models\\sd_xl.safetensors'");
        assertThat(parse(toml).has("sample_prompts")).as("no prompts file, no sampling").isFalse();
    }

    @Test
    void brokenSdScriptsRulesAreRefusedNamingTheKey() {
        TrainingConfig c = BuiltInPresets.sd15().with(Params.BUCKET_STEPS, 32);
        assertThatThrownBy(() -> ConfigTomlWriter.write(c, PATHS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucket_reso_steps").hasMessageContaining("multiple of 64");
        TrainingConfig warm = BuiltInPresets.universalXl().with(Params.LR_SCHEDULER, "constant")
                .with(Params.LR_WARMUP_STEPS, 10);
        assertThatThrownBy(() -> ConfigTomlWriter.write(warm, PATHS)).hasMessageContaining("lr_warmup_steps");
    }

    static ObjectNode parse(String toml) {
        return TomlText.parse(toml, "test.toml");
    }

    static java.util.List<String> names(ObjectNode t) {
        java.util.List<String> n = new java.util.ArrayList<>();
        t.fieldNames().forEachRemaining(n::add);
        return n;
    }
}
