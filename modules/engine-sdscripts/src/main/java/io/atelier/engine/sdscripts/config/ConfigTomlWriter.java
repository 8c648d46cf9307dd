package io.atelier.engine.sdscripts.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.toml.TomlText;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the flat {@code --config_file} TOML of one run (reference §1, §3). TOML values bypass argparse's
 * {@code type=}, so each value is written in the type sd-scripts uses it as: floats as floats ({@code network_alpha =
 * 16.0}), flags as booleans. Dataset settings (resolution, batch size, buckets, repeats, captions) live in the
 * {@code --dataset_config} file this one points at ({@link io.atelier.engine.sdscripts.dataset.DatasetTomlWriter}).
 */
public final class ConfigTomlWriter {

    private ConfigTomlWriter() {
    }

    /**
     * The TOML text; {@link IllegalArgumentException} listing every broken sd-scripts rule
     * ({@link SdScriptsRules}).
     */
    public static String write(TrainingConfig c, RunPaths paths) {
        List<String> problems = SdScriptsRules.problems(c);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return TomlText.body(table(c, paths));
    }

    /** The key/value table, in the reference example's order. */
    public static ObjectNode table(TrainingConfig c, RunPaths paths) {
        ObjectNode t = TomlText.table();
        t.put("pretrained_model_name_or_path", path(paths.pretrainedModel()));
        t.put("dataset_config", path(paths.datasetConfig()));
        t.put("output_dir", path(paths.outputDir()));
        t.put("output_name", c.getString(Params.OUTPUT_NAME));
        t.put("logging_dir", path(paths.loggingDir()));
        // The dataset file's resolution wins; this one (a string: sd-scripts splits it on ',') is the fallback that
        // keeps the config meaningful on its own, e.g. for a legacy train_data_dir run.
        t.put("resolution", Resolutions.toConfigString(c.getInt(Params.RESOLUTION)));
        network(c, t);
        optimizer(c, t);
        schedule(c, t);
        t.put("mixed_precision", c.getString(Params.MIXED_PRECISION));
        t.put("save_precision", c.getString(Params.SAVE_PRECISION));
        t.put("save_model_as", "safetensors");
        t.put("save_every_n_epochs", c.getInt(Params.SAVE_EVERY));
        t.put("gradient_checkpointing", c.getBool(Params.GRADIENT_CHECKPOINTING));
        t.put("cache_latents", c.getBool(Params.CACHE_LATENTS));
        switch (c.getString(Params.ATTENTION)) {
            case "sdpa" -> t.put("sdpa", true);
            case "xformers" -> t.put("xformers", true);
            default -> { } // "none": PyTorch's plain attention, no flag
        }
        t.put("seed", c.getInt(Params.SEED));
        sampling(c, paths, t);
        if (c.getDouble(Params.VALIDATION_SPLIT) > 0) {
            t.put("validate_every_n_epochs", c.getInt(Params.VALIDATE_EVERY));
        }
        // Plain log lines instead of Rich's wrapped table, so the log parser sees one message per line (§8.1).
        t.put("console_log_simple", true);
        return t;
    }

    private static void network(TrainingConfig c, ObjectNode t) {
        t.put("network_module", c.getString(Params.NETWORK_MODULE));
        t.put("network_dim", c.getInt(Params.NETWORK_DIM));
        t.put("network_alpha", c.getDouble(Params.NETWORK_ALPHA));
        if (c.getDouble(Params.NETWORK_DROPOUT) > 0) {
            t.put("network_dropout", c.getDouble(Params.NETWORK_DROPOUT));
        }
        if (c.getBool(Params.TRAIN_UNET_ONLY)) {
            t.put("network_train_unet_only", true);
        }
    }

    private static void optimizer(TrainingConfig c, ObjectNode t) {
        double unet = c.getDouble(Params.UNET_LR);
        double base = c.getDouble(Params.LEARNING_RATE);
        // learning_rate is the fallback of every group without its own rate; its default 2e-6 would be far too low.
        t.put("learning_rate", base > 0 ? base : unet);
        t.put("unet_lr", unet);
        if (!c.getBool(Params.TRAIN_UNET_ONLY)) {
            t.put("text_encoder_lr", c.getDouble(Params.TEXT_ENCODER_LR));
        }
        t.put("optimizer_type", c.getString(Params.OPTIMIZER_TYPE));
        List<String> args = c.getString(Params.OPTIMIZER_ARGS).lines().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (!args.isEmpty()) {
            ArrayNode a = t.putArray("optimizer_args");
            args.forEach(a::add);
        }
        if (c.getInt(Params.GRAD_ACCUMULATION) > 1) {
            t.put("gradient_accumulation_steps", c.getInt(Params.GRAD_ACCUMULATION));
        }
    }

    private static void schedule(TrainingConfig c, ObjectNode t) {
        String scheduler = c.getString(Params.LR_SCHEDULER);
        t.put("lr_scheduler", scheduler);
        if ("cosine_with_restarts".equals(scheduler)) {
            // Only cosine_with_restarts reads it; plain cosine is a half cosine whatever it says (§1).
            t.put("lr_scheduler_num_cycles", c.getInt(Params.LR_CYCLES));
        }
        if (c.getInt(Params.LR_WARMUP_STEPS) > 0) {
            t.put("lr_warmup_steps", c.getInt(Params.LR_WARMUP_STEPS));
        }
        t.put("max_train_epochs", c.getInt(Params.EPOCHS));
        if (c.getDouble(Params.NOISE_OFFSET) > 0) {
            t.put("noise_offset", c.getDouble(Params.NOISE_OFFSET));
        }
        if (c.getDouble(Params.MIN_SNR_GAMMA) > 0) {
            t.put("min_snr_gamma", c.getDouble(Params.MIN_SNR_GAMMA));
        }
        if (!ModelFamilies.isSdxl(c)) {
            // SDXL ignores clip_skip and logs a warning for it (§1), so it is written for SD 1.5 only.
            t.put("clip_skip", c.getInt(Params.CLIP_SKIP));
        }
    }

    private static void sampling(TrainingConfig c, RunPaths paths, ObjectNode t) {
        if (paths.samplePrompts().isEmpty() || c.getInt(Params.SAMPLE_EVERY) == 0) {
            return;
        }
        t.put("sample_prompts", path(paths.samplePrompts().get()));
        t.put("sample_every_n_epochs", c.getInt(Params.SAMPLE_EVERY));
        t.put("sample_sampler", c.getString(Params.SAMPLE_SAMPLER));
    }

    private static String path(Path p) {
        return p.toString();
    }
}
