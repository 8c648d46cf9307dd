package io.atelier.core.params;

import static io.atelier.core.params.Section.ADVANCED;
import static io.atelier.core.params.Section.DATASET;
import static io.atelier.core.params.Section.MODEL;
import static io.atelier.core.params.Section.NETWORK;
import static io.atelier.core.params.Section.OPTIMIZER;
import static io.atelier.core.params.Section.SAVING_SAMPLING;
import static io.atelier.core.params.Section.SCHEDULE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every training parameter, in sheet order. Defaults are the workflow's universal preset (Pony / Illustrious / other
 * XL, reference/workflow.md §4) plus the additions reference/sd-scripts.md §1 recommends for SDXL; keys are the
 * sd-scripts argument names where one exists.
 */
public final class Params {

    private static final List<ParamDef> ALL = new ArrayList<>();

    // ---- model
    public static final ParamDef MODEL_FAMILY = choice("model_family", MODEL, "Model family", "sdxl",
            List.of("sd15", "sdxl", "pony", "illustrious", "other-sdxl"),
            "Which architecture the base model is; decides the training script, resolution and file size.");
    public static final ParamDef BASE_MODEL = string("base_model", MODEL, "Base model", "",
            "The registered checkpoint (its SHA-256) trained on; a run records it so it can be reproduced.");
    public static final ParamDef OUTPUT_NAME = string("output_name", MODEL, "Output name", "lora",
            "File name of the LoRA (epochs add -000001 …); the trigger word is a good choice.");

    // ---- dataset
    public static final ParamDef RESOLUTION = integer("resolution", DATASET, "Resolution", "px", 1024, 256, 4096,
            "Training size (long side); 1024 for XL models, 512 for SD 1.5. 2048 rarely justifies the cost.");
    public static final ParamDef REPEATS = integer("num_repeats", DATASET, "Repeats", "×", 60, 1, 10_000,
            "How often each image is seen per epoch; 50–100, chosen so total steps stay within the budget.");
    public static final ParamDef ENABLE_BUCKET = bool("enable_bucket", DATASET, "Aspect-ratio buckets", true,
            "Groups images of similar aspect ratio; needed with mixed sizes (off stretches faces).");
    public static final ParamDef MIN_BUCKET_RESO = integer("min_bucket_reso", DATASET, "Min bucket size", "px", 256,
            64, 4096, "Smallest bucket side; sd-scripts' default 256.");
    public static final ParamDef MAX_BUCKET_RESO = integer("max_bucket_reso", DATASET, "Max bucket size", "px", 2048,
            64, 8192, "Largest bucket side; 2048 lets XL buckets reach extreme aspect ratios (1024 clips them).");
    public static final ParamDef BUCKET_STEPS = integer("bucket_reso_steps", DATASET, "Bucket step", "px", 64, 8,
            256, "Bucket sides are multiples of this; 64 works for SD 1.5 and XL (XL needs a multiple of 32).");
    public static final ParamDef BUCKET_NO_UPSCALE = bool("bucket_no_upscale", DATASET, "No bucket upscale", false,
            "Keeps small images at their size instead of enlarging them into a larger bucket.");
    public static final ParamDef SHUFFLE_CAPTION = bool("shuffle_caption", DATASET, "Shuffle tags", false,
            "Off keeps the tag order; the trigger word stays first through keep tokens either way.");
    public static final ParamDef KEEP_TOKENS = integer("keep_tokens", DATASET, "Keep tokens", "tags", 1, 0, 255,
            "Tags kept in front when shuffling; 1 keeps the trigger word first.");
    public static final ParamDef FLIP_AUG = bool("flip_aug", DATASET, "Flip augmentation", false,
            "Off: flips confuse the model (asymmetric details, text, hair parting).");
    public static final ParamDef CAPTION_EXTENSION = string("caption_extension", DATASET, "Caption extension",
            ".txt", "Captions are .txt beside each image; sd-scripts' own default .caption would find none.");

    // ---- network
    public static final ParamDef NETWORK_MODULE = choice("network_module", NETWORK, "Network", "networks.lora",
            List.of("networks.lora"), "A standard LoRA, loadable by every UI.");
    public static final ParamDef NETWORK_DIM = integer("network_dim", NETWORK, "Network dim (rank)", "", 32, 1, 1024,
            "Size vs capacity: 32 suits a style or character; far higher mostly makes the file larger.");
    public static final ParamDef NETWORK_ALPHA = decimal("network_alpha", NETWORK, "Network alpha", "", 16.0, 0.0,
            1024.0, "Scales the LoRA's effect (alpha/dim); 16 with dim 32 gives a file of about 218 MB for XL.");
    public static final ParamDef NETWORK_DROPOUT = decimal("network_dropout", NETWORK, "Network dropout", "", 0.0, 0.0,
            1.0, "Drops LoRA neurons during training; 0 unless the LoRA overfits.");
    public static final ParamDef TRAIN_UNET_ONLY = bool("network_train_unet_only", NETWORK, "Train UNet only", false,
            "Leaves the text encoder untouched; a smaller file, often fine for style LoRAs.");

    // ---- optimizer
    public static final ParamDef OPTIMIZER_TYPE = choice("optimizer_type", OPTIMIZER, "Optimizer", "AdamW8bit",
            List.of("AdamW8bit", "AdamW", "Lion", "Lion8bit", "Prodigy", "Adafactor", "DAdaptAdam", "SGDNesterov"),
            "AdamW8bit: AdamW's results with less memory (needs bitsandbytes).");
    public static final ParamDef OPTIMIZER_ARGS = text("optimizer_args", OPTIMIZER, "Optimizer arguments", "",
            "Extra key=value arguments for the optimizer, one per line (e.g. weight_decay=0.01).");
    public static final ParamDef UNET_LR = decimal("unet_lr", OPTIMIZER, "UNet learning rate", "", 1e-4, 0.0, 1.0,
            "1e-4 is the standard rate for the UNet.");
    public static final ParamDef TEXT_ENCODER_LR = decimal("text_encoder_lr", OPTIMIZER, "Text encoder learning rate",
            "", 5e-5, 0.0, 1.0, "Lower than the UNet's (5e-5); can be frozen for style LoRAs.");
    public static final ParamDef LEARNING_RATE = decimal("learning_rate", OPTIMIZER, "Base learning rate", "", 1e-4,
            0.0, 1.0, "Fallback for parameter groups without their own rate; sd-scripts' default 2e-6 is far too low.");
    public static final ParamDef GRAD_ACCUMULATION = integer("gradient_accumulation_steps", OPTIMIZER,
            "Gradient accumulation", "steps", 1, 1, 1024,
            "Batches summed before each update; divides the step count, simulates a larger batch.");

    // ---- schedule
    public static final ParamDef EPOCHS = integer("max_train_epochs", SCHEDULE, "Epochs", "", 4, 1, 1000,
            "Start with 4; if later epochs overtrain, use an earlier one.");
    public static final ParamDef BATCH_SIZE = integer("train_batch_size", SCHEDULE, "Batch size", "images", 2, 1, 256,
            "2: larger is faster but may reduce quality.");
    public static final ParamDef LR_SCHEDULER = choice("lr_scheduler", SCHEDULE, "LR scheduler",
            "cosine_with_restarts", List.of("cosine_with_restarts", "cosine", "constant", "constant_with_warmup",
                    "linear", "polynomial"),
            "Cosine with restarts: a smooth decay; only it honours cycles.");
    public static final ParamDef LR_CYCLES = integer("lr_scheduler_num_cycles", SCHEDULE, "Scheduler cycles", "", 3,
            1, 100, "Restarts of the cosine schedule; 3.");
    public static final ParamDef LR_WARMUP_STEPS = integer("lr_warmup_steps", SCHEDULE, "Warm-up", "steps", 0, 0,
            100_000, "Steps at a rising rate first; 0 with AdamW-type optimizers at these rates.");
    public static final ParamDef MIN_SNR_GAMMA = decimal("min_snr_gamma", SCHEDULE, "Min SNR gamma", "", 0.0, 0.0, 20.0,
            "0 = off, unless a specific problem (5 is the usual value when on).");
    public static final ParamDef NOISE_OFFSET = decimal("noise_offset", SCHEDULE, "Noise offset", "", 0.03, 0.0, 1.0,
            "Slight noise (0.03) for better generalisation and darker darks.");
    public static final ParamDef CLIP_SKIP = integer("clip_skip", SCHEDULE, "Clip skip", "layers", 2, 1, 12,
            "2 is standard for realistic and stylised SD 1.5 models; SDXL ignores it.");
    public static final ParamDef SEED = integer("seed", SCHEDULE, "Seed", "", 42, 0, Integer.MAX_VALUE,
            "Fixes the randomness so a run can be repeated.");

    // ---- saving & sampling
    public static final ParamDef SAVE_EVERY = integer("save_every_n_epochs", SAVING_SAMPLING, "Save every", "epochs",
            1, 1, 1000, "A checkpoint per epoch, so the best epoch can be picked afterwards.");
    public static final ParamDef SAVE_PRECISION = choice("save_precision", SAVING_SAMPLING, "Save precision", "fp16",
            List.of("fp16", "bf16", "float"), "fp16: half the size of float, no visible loss.");
    public static final ParamDef SAMPLE_PROMPTS = text("sample_prompts", SAVING_SAMPLING, "Sample prompts", "",
            "One prompt per line, rendered after each sampled epoch with the same seed.");
    public static final ParamDef SAMPLE_EVERY = integer("sample_every_n_epochs", SAVING_SAMPLING, "Sample every",
            "epochs", 1, 0, 1000, "Sample images per epoch (0 = none) to compare epochs side by side.");
    public static final ParamDef SAMPLE_SAMPLER = choice("sample_sampler", SAVING_SAMPLING, "Sampler", "euler_a",
            List.of("euler_a", "euler", "ddim", "dpmsolver++", "k_dpm_2", "k_dpm_2_a", "lms", "pndm", "heun"),
            "euler_a: fast and stable for previews.");
    public static final ParamDef SAMPLE_SEED = integer("sample_seed", SAVING_SAMPLING, "Sample seed", "", 1234, 0,
            Integer.MAX_VALUE, "The same seed for every epoch's samples, so they compare.");

    // ---- advanced
    public static final ParamDef MIXED_PRECISION = choice("mixed_precision", ADVANCED, "Mixed precision", "bf16",
            List.of("bf16", "fp16", "no"), "bf16 on current NVIDIA GPUs (fp16 needs no_half_vae for SDXL).");
    public static final ParamDef GRADIENT_CHECKPOINTING = bool("gradient_checkpointing", ADVANCED,
            "Gradient checkpointing", true, "Trades some speed for much less GPU memory; needed for XL on 12–16 GB.");
    public static final ParamDef CACHE_LATENTS = bool("cache_latents", ADVANCED, "Cache latents", true,
            "Encodes every image once instead of every step; much faster (no random crop then).");
    public static final ParamDef ATTENTION = choice("attention", ADVANCED, "Attention", "sdpa",
            List.of("sdpa", "xformers", "none"), "sdpa: PyTorch's memory-efficient attention, no extra install.");
    public static final ParamDef VALIDATION_SPLIT = decimal("validation_split", ADVANCED, "Validation split", "", 0.0,
            0.0, 0.5, "Share of images held out to measure validation loss; 0 = none.");
    public static final ParamDef VALIDATION_SEED = integer("validation_seed", ADVANCED, "Validation seed", "", 42, 0,
            Integer.MAX_VALUE, "Which images are held out, reproducibly.");
    public static final ParamDef VALIDATE_EVERY = integer("validate_every_n_epochs", ADVANCED, "Validate every",
            "epochs", 1, 1, 1000, "How often the validation loss is measured.");

    private static final Map<String, ParamDef> BY_KEY = new LinkedHashMap<>();

    static {
        for (ParamDef p : ALL) {
            if (BY_KEY.put(p.key(), p) != null) {
                throw new IllegalStateException("parameter key twice: " + p.key());
            }
        }
    }

    private Params() {
    }

    /** Every parameter, in sheet order. */
    public static List<ParamDef> all() {
        return Collections.unmodifiableList(ALL);
    }

    public static Optional<ParamDef> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The parameter with this key, or an IllegalArgumentException naming the unknown key. */
    public static ParamDef require(String key) {
        ParamDef p = BY_KEY.get(key);
        if (p == null) {
            throw new IllegalArgumentException("unknown parameter \"" + key + "\"");
        }
        return p;
    }

    private static ParamDef add(ParamDef p) {
        ALL.add(p);
        return p;
    }

    private static ParamDef integer(String key, Section s, String label, String unit, int def, int min, int max,
                                    String why) {
        return add(new ParamDef(key, ParamType.INT, s, label, unit, def, (double) min, (double) max, null, why));
    }

    private static ParamDef decimal(String key, Section s, String label, String unit, double def, double min,
                                    double max, String why) {
        return add(new ParamDef(key, ParamType.FLOAT, s, label, unit, def, min, max, null, why));
    }

    private static ParamDef bool(String key, Section s, String label, boolean def, String why) {
        return add(new ParamDef(key, ParamType.BOOL, s, label, "", def, null, null, null, why));
    }

    private static ParamDef choice(String key, Section s, String label, String def, List<String> choices, String why) {
        return add(new ParamDef(key, ParamType.CHOICE, s, label, "", def, null, null, choices, why));
    }

    private static ParamDef string(String key, Section s, String label, String def, String why) {
        return add(new ParamDef(key, ParamType.STRING, s, label, "", def, null, null, null, why));
    }

    private static ParamDef text(String key, Section s, String label, String def, String why) {
        return add(new ParamDef(key, ParamType.TEXT, s, label, "", def, null, null, null, why));
    }
}
