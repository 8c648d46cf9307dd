package io.atelier.core.lora;

import static io.atelier.core.lora.PythonText.NONE;
import static io.atelier.core.lora.PythonText.str;
import static io.atelier.core.lora.PythonText.strOrNone;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code __metadata__} of an SD 1.5 LoRA trained by us, with the keys and value formats sd-scripts writes
 * (reference §13): every "always written" {@code ss_*} key, the dataset keys of a run without a dataset config (one
 * dataset folder), the base model, the save-time keys, and {@code modelspec.*}. Values are Python {@code str()}
 * texts. Keys that describe sd-scripts features we do not have keep sd-scripts' value for "off".
 *
 * <p>The {@code sshs_*} hashes are not part of this: they depend on the tensors ({@link LoraHashes}).
 */
public final class KohyaMetadata {

    public static final String BASE_MODEL_VERSION_SD1 = "sd_v1";
    public static final String NETWORK_MODULE = "networks.lora";
    /** {@code ss_optimizer} for AdamW: sd-scripts writes the optimizer class's module and name. */
    public static final String OPTIMIZER_ADAMW = "torch.optim.adamw.AdamW";
    public static final String MODELSPEC_VERSION = "1.0.1";
    public static final String MODELSPEC_ARCHITECTURE_SD1_LORA = "stable-diffusion-v1/lora";
    /** sd-scripts names the diffusers layout as the implementation of an SD 1.x/2.x LoRA. */
    public static final String MODELSPEC_IMPLEMENTATION_SD1_LORA = "diffusers";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> modelspec = new LinkedHashMap<>();
    private ZoneId zone = ZoneId.systemDefault();
    private Integer clipSkip;

    public KohyaMetadata() {
        values.put("ss_session_id", str(new SecureRandom().nextInt() & 0xffff_ffffL));
        values.put("ss_training_started_at", NONE);
        values.put("ss_output_name", NONE);
        values.put("ss_learning_rate", NONE);
        values.put("ss_text_encoder_lr", NONE);
        values.put("ss_unet_lr", NONE);
        values.put("ss_num_train_images", "0");
        values.put("ss_num_validation_images", "0");
        values.put("ss_num_reg_images", "0");
        values.put("ss_num_batches_per_epoch", "0");
        values.put("ss_num_epochs", "0");
        values.put("ss_gradient_checkpointing", str(false));
        values.put("ss_gradient_accumulation_steps", "1");
        values.put("ss_max_train_steps", "0");
        values.put("ss_lr_warmup_steps", "0");
        values.put("ss_lr_scheduler", "constant");
        values.put("ss_network_module", NETWORK_MODULE);
        values.put("ss_network_dim", NONE);
        values.put("ss_network_alpha", NONE);
        values.put("ss_network_dropout", NONE);
        values.put("ss_mixed_precision", "no");
        values.put("ss_full_fp16", str(false));
        values.put("ss_v2", str(false));
        values.put("ss_base_model_version", BASE_MODEL_VERSION_SD1);
        values.put("ss_clip_skip", NONE);
        values.put("ss_max_token_length", NONE);
        values.put("ss_cache_latents", str(false));
        values.put("ss_seed", NONE);
        values.put("ss_lowram", str(false));
        values.put("ss_noise_offset", NONE);
        values.put("ss_multires_noise_iterations", NONE);
        values.put("ss_multires_noise_discount", str(0.3));
        values.put("ss_adaptive_noise_scale", NONE);
        values.put("ss_zero_terminal_snr", str(false));
        values.put("ss_training_comment", NONE);
        values.put("ss_optimizer", OPTIMIZER_ADAMW);
        values.put("ss_max_grad_norm", str(1.0));
        values.put("ss_caption_dropout_rate", str(0.0));
        values.put("ss_caption_dropout_every_n_epochs", "0");
        values.put("ss_caption_tag_dropout_rate", str(0.0));
        values.put("ss_face_crop_aug_range", NONE);
        values.put("ss_prior_loss_weight", str(1.0));
        values.put("ss_min_snr_gamma", NONE);
        values.put("ss_scale_weight_norms", NONE);
        values.put("ss_ip_noise_gamma", NONE);
        values.put("ss_debiased_estimation", str(false));
        values.put("ss_noise_offset_random_strength", str(false));
        values.put("ss_ip_noise_gamma_random_strength", str(false));
        values.put("ss_loss_type", "l2");
        values.put("ss_huber_schedule", "snr");
        values.put("ss_huber_scale", str(1.0));
        values.put("ss_huber_c", str(0.1));
        values.put("ss_fp8_base", str(false));
        values.put("ss_fp8_base_unet", str(false));
        // one dataset folder, described as sd-scripts does without --dataset_config
        values.put("ss_batch_size_per_device", "1");
        values.put("ss_total_batch_size", "1");
        values.put("ss_resolution", "(512, 512)");
        values.put("ss_color_aug", str(false));
        values.put("ss_flip_aug", str(false));
        values.put("ss_random_crop", str(false));
        values.put("ss_shuffle_caption", str(false));
        values.put("ss_enable_bucket", str(false));
        values.put("ss_bucket_no_upscale", str(false));
        values.put("ss_min_bucket_reso", NONE);
        values.put("ss_max_bucket_reso", NONE);
        values.put("ss_keep_tokens", "0");
        values.put("ss_dataset_dirs", "{}");
        values.put("ss_reg_dataset_dirs", "{}");
        values.put("ss_tag_frequency", "{}");
        modelspec.put("modelspec.sai_model_spec", MODELSPEC_VERSION);
        modelspec.put("modelspec.architecture", MODELSPEC_ARCHITECTURE_SD1_LORA);
        modelspec.put("modelspec.implementation", MODELSPEC_IMPLEMENTATION_SD1_LORA);
        modelspec.put("modelspec.title", NONE);
        modelspec.put("modelspec.resolution", "512x512");
        modelspec.put("modelspec.prediction_type", "epsilon");
    }

    public KohyaMetadata sessionId(long id) {
        return put("ss_session_id", str(id));
    }

    /** Unix time as Python's {@code time.time()} float. */
    public KohyaMetadata trainingStartedAt(Instant at) {
        return put("ss_training_started_at", str(unixSeconds(at)));
    }

    /** {@code ss_output_name}, also the {@code modelspec.title} unless {@link #title} sets another. */
    public KohyaMetadata outputName(String name) {
        put("ss_output_name", name);
        modelspec.putIfAbsent("modelspec.title", name);
        modelspec.replace("modelspec.title", NONE, name);
        return this;
    }

    public KohyaMetadata title(String title) {
        modelspec.put("modelspec.title", Objects.requireNonNull(title, "title"));
        return this;
    }

    /** Base, text-encoder and U-Net learning rates; a null one is written as {@code None} (not set). */
    public KohyaMetadata learningRates(double learningRate, Double textEncoderLr, Double unetLr) {
        put("ss_learning_rate", str(learningRate));
        put("ss_text_encoder_lr", strOrNone(textEncoderLr));
        return put("ss_unet_lr", strOrNone(unetLr));
    }

    /** Images per epoch with repeats, regularisation images, batches per epoch, epochs and the total steps. */
    public KohyaMetadata counts(int numTrainImages, int numRegImages, int batchesPerEpoch, int epochs, int maxSteps) {
        put("ss_num_train_images", str(numTrainImages));
        put("ss_num_reg_images", str(numRegImages));
        put("ss_num_batches_per_epoch", str(batchesPerEpoch));
        put("ss_num_epochs", str(epochs));
        return put("ss_max_train_steps", str(maxSteps));
    }

    public KohyaMetadata batchSize(int perDevice) {
        put("ss_batch_size_per_device", str(perDevice));
        return put("ss_total_batch_size", str(perDevice)); // one device
    }

    public KohyaMetadata gradient(boolean checkpointing, int accumulationSteps, double maxGradNorm) {
        put("ss_gradient_checkpointing", str(checkpointing));
        put("ss_gradient_accumulation_steps", str(accumulationSteps));
        return put("ss_max_grad_norm", str(maxGradNorm));
    }

    /** A scheduler name of {@code Params.LR_SCHEDULER} and its warm-up steps. */
    public KohyaMetadata lrScheduler(String name, int warmupSteps) {
        put("ss_lr_scheduler", name);
        return put("ss_lr_warmup_steps", str(warmupSteps));
    }

    /** Rank ({@code int} in sd-scripts) and alpha ({@code float}: "16.0"). */
    public KohyaMetadata network(int dim, double alpha) {
        put("ss_network_dim", str(dim));
        return put("ss_network_alpha", str(alpha));
    }

    /** {@code no}, {@code fp16} or {@code bf16}. */
    public KohyaMetadata mixedPrecision(String mixedPrecision) {
        return put("ss_mixed_precision", mixedPrecision);
    }

    /** Null: not set. Also {@code modelspec.encoder_layer}, as sd-scripts writes it when set. */
    public KohyaMetadata clipSkip(Integer clipSkip) {
        this.clipSkip = clipSkip;
        return put("ss_clip_skip", strOrNone(clipSkip));
    }

    public KohyaMetadata cacheLatents(boolean cacheLatents) {
        return put("ss_cache_latents", str(cacheLatents));
    }

    public KohyaMetadata seed(long seed) {
        return put("ss_seed", str(seed));
    }

    /** Null or 0 as the user set it; sd-scripts writes the argument, so 0.0 stays "0.0". */
    public KohyaMetadata noiseOffset(Double noiseOffset) {
        return put("ss_noise_offset", strOrNone(noiseOffset));
    }

    public KohyaMetadata minSnrGamma(Double gamma) {
        return put("ss_min_snr_gamma", strOrNone(gamma));
    }

    /** e.g. {@link #OPTIMIZER_ADAMW}, or with arguments {@code torch.optim.adamw.AdamW(weight_decay=0.01)}. */
    public KohyaMetadata optimizer(String optimizer) {
        return put("ss_optimizer", optimizer);
    }

    public KohyaMetadata trainingComment(String comment) {
        return put("ss_training_comment", strOrNone(comment));
    }

    /** Training resolution: {@code ss_resolution = "(w, h)"} and {@code modelspec.resolution = "wxh"}. */
    public KohyaMetadata resolution(int width, int height) {
        modelspec.put("modelspec.resolution", width + "x" + height);
        return put("ss_resolution", "(" + width + ", " + height + ")");
    }

    public KohyaMetadata augmentation(boolean flip, boolean shuffleCaption, int keepTokens) {
        put("ss_flip_aug", str(flip));
        put("ss_shuffle_caption", str(shuffleCaption));
        return put("ss_keep_tokens", str(keepTokens));
    }

    public KohyaMetadata buckets(boolean enabled, boolean noUpscale, int minReso, int maxReso) {
        put("ss_enable_bucket", str(enabled));
        put("ss_bucket_no_upscale", str(noUpscale));
        put("ss_min_bucket_reso", str(minReso));
        return put("ss_max_bucket_reso", str(maxReso));
    }

    /** {@code {dir_basename: {tag: count}}}, tags lower-case, as JSON. */
    public KohyaMetadata tagFrequency(Map<String, ? extends Map<String, Integer>> byDirectory) {
        return put("ss_tag_frequency", PythonText.jsonDumps(byDirectory));
    }

    /** {@code {dir_basename: {"n_repeats": R, "img_count": N}}} as JSON. */
    public KohyaMetadata datasetDir(String directoryName, int repeats, int imageCount) {
        Map<String, Object> dirs = new LinkedHashMap<>();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("n_repeats", repeats);
        entry.put("img_count", imageCount);
        dirs.put(directoryName, entry);
        return put("ss_dataset_dirs", PythonText.jsonDumps(dirs));
    }

    /** The base checkpoint: its file name and full SHA-256 ({@code ss_sd_model_name}, {@code ss_new_sd_model_hash}). */
    public KohyaMetadata baseModel(String fileName, String sha256) {
        put("ss_sd_model_name", fileName);
        return put("ss_new_sd_model_hash", sha256);
    }

    /** The save-time keys: global step, epoch, finish time; also {@code modelspec.date} (local time, seconds). */
    public KohyaMetadata saved(int steps, int epoch, Instant at) {
        put("ss_training_finished_at", str(unixSeconds(at)));
        put("ss_steps", str(steps));
        put("ss_epoch", str(epoch));
        modelspec.put("modelspec.date", LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), zone)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        return this;
    }

    /** Time zone of {@code modelspec.date}, which sd-scripts writes in local time; the system's by default. */
    public KohyaMetadata zone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /** {@code modelspec.implementation_version}, e.g. {@code lora-atelier/1.0}. */
    public KohyaMetadata implementationVersion(String version) {
        modelspec.put("modelspec.implementation_version", version);
        return this;
    }

    /** Any other key, e.g. {@code ss_bucket_info} or {@code modelspec.trigger_phrase}, as an exact string. */
    public KohyaMetadata put(String key, String value) {
        Objects.requireNonNull(value, () -> "value of " + key);
        if (key.startsWith("modelspec.")) {
            modelspec.put(key, value);
        } else {
            values.put(key, value);
        }
        return this;
    }

    /** The metadata map: {@code ss_*} keys first, then {@code modelspec.*}. */
    public Map<String, String> build() {
        Map<String, String> out = new LinkedHashMap<>(values);
        out.putAll(modelspec);
        if (clipSkip != null) {
            out.put("modelspec.encoder_layer", Integer.toString(clipSkip));
        }
        return Collections.unmodifiableMap(out);
    }

    private static double unixSeconds(Instant at) {
        return at.getEpochSecond() + at.getNano() / 1e9;
    }
}
