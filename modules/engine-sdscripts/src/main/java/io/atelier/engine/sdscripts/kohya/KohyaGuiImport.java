package io.atelier.engine.sdscripts.kohya;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.core.params.ParamDef;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.config.ModelFamilies;
import io.atelier.engine.sdscripts.config.Resolutions;
import io.atelier.engine.sdscripts.importing.ImportReport;
import io.atelier.engine.sdscripts.importing.ImportResult;
import io.atelier.engine.sdscripts.importing.NodeValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Reads a kohya_ss GUI LoRA preset or saved config (reference §14) into a {@link TrainingConfig}. GUI field names are
 * mapped to ours; numbers stored as strings are accepted (the GUI writes them so); an empty string means "not set"
 * and keeps the base value. Unknown keys are listed as ignored, bad values as problems naming the key.
 */
public final class KohyaGuiImport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** GUI keys whose name differs from ours. */
    private static final Map<String, String> RENAMED = Map.of("optimizer", "optimizer_type");

    /** GUI keys equal to our key. */
    private static final Set<String> SAME = Set.of("output_name", "max_train_epochs", "train_batch_size",
            "enable_bucket", "min_bucket_reso", "max_bucket_reso", "bucket_reso_steps", "bucket_no_upscale",
            "caption_extension", "shuffle_caption", "keep_tokens", "clip_skip", "flip_aug", "learning_rate", "unet_lr",
            "text_encoder_lr", "lr_scheduler", "lr_scheduler_num_cycles", "min_snr_gamma", "network_dim",
            "network_alpha", "network_dropout", "network_train_unet_only", "noise_offset", "gradient_accumulation_steps",
            "mixed_precision", "save_precision", "save_every_n_epochs", "gradient_checkpointing", "cache_latents",
            "seed", "sample_every_n_epochs", "sample_sampler", "sample_prompts");

    private KohyaGuiImport() {
    }

    public static ImportResult read(Path file, TrainingConfig base) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8), file.toString(), base);
    }

    /** A JSON syntax error or a non-object is an {@link IllegalArgumentException} naming {@code source}. */
    public static ImportResult read(String json, String source, TrainingConfig base) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new IllegalArgumentException(source + (loc == null ? "" : " (line " + loc.getLineNr() + ")")
                    + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": a kohya_ss GUI preset is one JSON object");
        }
        ImportReport.Builder report = new ImportReport.Builder();
        TrainingConfig c = base;
        for (var e : root.properties()) {
            try {
                c = apply(c, e.getKey(), e.getValue(), root, report);
            } catch (IllegalArgumentException ex) {
                report.problem(ex.getMessage());
            }
        }
        return new ImportResult(c, report.build());
    }

    private static TrainingConfig apply(TrainingConfig c, String key, JsonNode v, JsonNode root,
                                        ImportReport.Builder report) {
        if (v.isTextual() && v.asText().isBlank() && !key.equals("optimizer_args") && !key.equals("sample_prompts")) {
            return c; // the GUI writes "" for "not set"
        }
        switch (key) {
            case "max_resolution":
                return c.with(Params.RESOLUTION, Resolutions.fromText(key, text(key, v), report));
            case "sdxl":
                return family(c, key, v);
            case "xformers":
                return c.with(Params.ATTENTION, NodeValues.loose(Params.ATTENTION, key, v));
            case "LoRA_type":
                if (!"Standard".equals(v.asText())) {
                    throw new IllegalArgumentException("LoRA_type: \"" + v.asText()
                            + "\" is not supported; only Standard (networks.lora) is");
                }
                return c.with(Params.NETWORK_MODULE, "networks.lora");
            case "epoch":
                // Used only when max_train_epochs is empty or 0, as the GUI does.
                JsonNode max = root.get("max_train_epochs");
                boolean maxSet = max != null && !max.asText().isBlank() && !"0".equals(max.asText());
                return maxSet ? c : c.with(Params.EPOCHS, NodeValues.loose(Params.EPOCHS, key, v));
            case "max_train_epochs":
                return "0".equals(v.asText()) ? c : c.with(Params.EPOCHS, NodeValues.loose(Params.EPOCHS, key, v));
            case "lr_warmup":
                if (v.asDouble() != 0) {
                    report.note("lr_warmup=" + v + " (percent of the total steps) not imported: the step count "
                            + "depends on the dataset; set lr_warmup_steps");
                    return c;
                }
                return c.with(Params.LR_WARMUP_STEPS, 0);
            case "optimizer_args":
                // One line of space-separated key=value pairs in the GUI, one per line here.
                return c.with(Params.OPTIMIZER_ARGS, String.join("\n", text(key, v).strip().split("\\s+"))
                        .strip());
            case "text_encoder_lr":
                return c.with(Params.TEXT_ENCODER_LR, NodeValues.loose(Params.TEXT_ENCODER_LR, key,
                        v.isArray() && !v.isEmpty() ? v.get(0) : v));
            case "noise_offset_type":
                if (!"Original".equals(v.asText())) {
                    report.note("noise_offset_type=" + v + " not imported: only the original noise offset is "
                            + "supported");
                }
                return c;
            default:
                break;
        }
        String ours = RENAMED.getOrDefault(key, SAME.contains(key) ? key : null);
        if (ours == null) {
            report.ignored(key, v);
            return c;
        }
        ParamDef def = Params.require(ours);
        return c.with(def, NodeValues.loose(def, key, v));
    }

    private static TrainingConfig family(TrainingConfig c, String key, JsonNode v) {
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(key + ": expected true or false, found " + NodeValues.describe(v));
        }
        if (v.booleanValue()) {
            // Pony, Illustrious and other XL stay as they are; the GUI only knows "SDXL or not".
            return ModelFamilies.isSdxl(c) ? c : c.with(Params.MODEL_FAMILY, "sdxl");
        }
        return c.with(Params.MODEL_FAMILY, ModelFamilies.SD15);
    }

    private static String text(String key, JsonNode v) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException(key + ": expected text, found " + NodeValues.describe(v));
        }
        return v.asText();
    }
}
