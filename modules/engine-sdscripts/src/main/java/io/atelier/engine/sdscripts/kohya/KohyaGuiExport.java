package io.atelier.engine.sdscripts.kohya;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.config.ModelFamilies;
import io.atelier.engine.sdscripts.config.Resolutions;
import io.atelier.engine.sdscripts.exporting.ExportedText;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Our config as a kohya_ss GUI LoRA preset (reference §14): one flat JSON object keyed by GUI field names, value types
 * as in the shipped presets (some numbers as strings). Settings the GUI keeps elsewhere are listed as notes.
 */
public final class KohyaGuiExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KohyaGuiExport() {
    }

    public static ExportedText export(TrainingConfig c) {
        List<String> notes = new ArrayList<>();
        ObjectNode j = JSON.createObjectNode();
        j.put("LoRA_type", "Standard");
        j.put("sdxl", ModelFamilies.isSdxl(c));
        j.put("output_name", c.getString(Params.OUTPUT_NAME));
        j.put("epoch", c.getInt(Params.EPOCHS));
        j.put("max_train_epochs", String.valueOf(c.getInt(Params.EPOCHS)));
        j.put("train_batch_size", c.getInt(Params.BATCH_SIZE));
        j.put("max_resolution", Resolutions.toConfigString(c.getInt(Params.RESOLUTION)));
        j.put("enable_bucket", c.getBool(Params.ENABLE_BUCKET));
        j.put("min_bucket_reso", c.getInt(Params.MIN_BUCKET_RESO));
        j.put("max_bucket_reso", c.getInt(Params.MAX_BUCKET_RESO));
        j.put("bucket_reso_steps", c.getInt(Params.BUCKET_STEPS));
        j.put("bucket_no_upscale", c.getBool(Params.BUCKET_NO_UPSCALE));
        j.put("caption_extension", c.getString(Params.CAPTION_EXTENSION));
        j.put("shuffle_caption", c.getBool(Params.SHUFFLE_CAPTION));
        j.put("keep_tokens", String.valueOf(c.getInt(Params.KEEP_TOKENS)));
        j.put("clip_skip", String.valueOf(c.getInt(Params.CLIP_SKIP)));
        j.put("flip_aug", c.getBool(Params.FLIP_AUG));
        j.put("learning_rate", c.getDouble(Params.LEARNING_RATE));
        j.put("unet_lr", c.getDouble(Params.UNET_LR));
        j.put("text_encoder_lr", c.getDouble(Params.TEXT_ENCODER_LR));
        j.put("lr_scheduler", c.getString(Params.LR_SCHEDULER));
        j.put("lr_scheduler_num_cycles", String.valueOf(c.getInt(Params.LR_CYCLES)));
        if (c.getInt(Params.LR_WARMUP_STEPS) == 0) {
            j.put("lr_warmup", 0);
        } else {
            notes.add("lr_warmup_steps=" + c.getInt(Params.LR_WARMUP_STEPS) + " not exported: the GUI's lr_warmup is "
                    + "a percentage of the total steps");
        }
        j.put("min_snr_gamma", c.getDouble(Params.MIN_SNR_GAMMA));
        j.put("network_dim", c.getInt(Params.NETWORK_DIM));
        j.put("network_alpha", c.getDouble(Params.NETWORK_ALPHA));
        j.put("network_dropout", c.getDouble(Params.NETWORK_DROPOUT));
        j.put("network_train_unet_only", c.getBool(Params.TRAIN_UNET_ONLY));
        j.put("noise_offset", c.getDouble(Params.NOISE_OFFSET));
        j.put("noise_offset_type", "Original");
        j.put("optimizer", c.getString(Params.OPTIMIZER_TYPE));
        // The GUI's optimizer_args is one line of space-separated key=value pairs.
        j.put("optimizer_args", String.join(" ", c.getString(Params.OPTIMIZER_ARGS).lines().map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
        j.put("gradient_accumulation_steps", c.getInt(Params.GRAD_ACCUMULATION));
        j.put("mixed_precision", c.getString(Params.MIXED_PRECISION));
        j.put("save_precision", c.getString(Params.SAVE_PRECISION));
        j.put("save_model_as", "safetensors");
        j.put("save_every_n_epochs", c.getInt(Params.SAVE_EVERY));
        j.put("gradient_checkpointing", c.getBool(Params.GRADIENT_CHECKPOINTING));
        j.put("cache_latents", c.getBool(Params.CACHE_LATENTS));
        j.put("cache_latents_to_disk", false);
        j.put("sdxl_no_half_vae", false);
        j.put("sdxl_cache_text_encoder_outputs", false);
        j.put("xformers", c.getString(Params.ATTENTION));
        j.put("seed", String.valueOf(c.getInt(Params.SEED)));
        j.put("sample_every_n_epochs", c.getInt(Params.SAMPLE_EVERY));
        j.put("sample_sampler", c.getString(Params.SAMPLE_SAMPLER));
        j.put("sample_prompts", c.getString(Params.SAMPLE_PROMPTS));
        notes.add("num_repeats=" + c.getInt(Params.REPEATS) + ": the GUI takes repeats from the image folder's name ("
                + c.getInt(Params.REPEATS) + "_<name> under train_data_dir)");
        if (!"sdxl".equals(c.getString(Params.MODEL_FAMILY)) && ModelFamilies.isSdxl(c)) {
            notes.add("model_family=" + c.getString(Params.MODEL_FAMILY) + " exported as sdxl=true");
        }
        if (c.getDouble(Params.VALIDATION_SPLIT) > 0) {
            notes.add("validation_split=" + c.getDouble(Params.VALIDATION_SPLIT) + " not exported");
        }
        try {
            return new ExportedText(JSON.writeValueAsString(j) + "\n", notes);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("kohya_ss GUI JSON: " + e.getOriginalMessage(), e);
        }
    }
}
