package io.atelier.engine.djl.run;

import io.atelier.core.buckets.BucketSettings;
import io.atelier.core.diffusion.LrSchedule;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.core.run.EngineException;
import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplePromptFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values of a run's configuration the built-in engine uses, read once and checked: what it cannot do (another
 * optimizer than AdamW) is refused before anything loads.
 *
 * @param optimizerArgs the {@code optimizer_args} the engine honours ({@code weight_decay=…}), as written
 * @param ignored       settings the engine does not implement, for the log
 */
public record RunOptions(String outputName, int resolution, BucketSettings buckets, int repeats, int batchSize,
        int accumulation, int epochs, boolean shuffleCaption, int keepTokens, int rank, double alpha, double dropout,
        boolean unetOnly, double learningRate, double unetLr, double textLr, LrSchedule.Kind scheduler, int cycles,
        int warmup, double minSnrGamma, double noiseOffset, int clipSkip, long seed, int saveEvery,
        SafetensorsDtype savePrecision, String savePrecisionName, String optimizerType, double weightDecay,
        String optimizerArgs, boolean flipAug, Samples samples, Validation validation, List<String> ignored) {

    /**
     * Sample images after every {@code every}-th epoch and the last, none when {@code every} is 0 or there are no
     * prompts.
     *
     * @param sampler {@code sample_sampler}, for prompts without {@code --ss}
     */
    public record Samples(List<SamplePrompt> prompts, int every, String sampler) {
        public Samples {
            prompts = List.copyOf(prompts);
        }

        public boolean after(int epoch, int lastEpoch) {
            return !prompts.isEmpty() && every > 0 && (epoch % every == 0 || epoch == lastEpoch);
        }
    }

    /** The held-out share of the images ({@code 0} = none), which images by {@code seed}, measured every N epochs. */
    public record Validation(double split, long seed, int every) {
        public boolean after(int epoch, int lastEpoch) {
            return split > 0 && (epoch % every == 0 || epoch == lastEpoch);
        }
    }

    /** torch.optim.AdamW's default, which sd-scripts uses when no weight_decay argument is given. */
    static final double DEFAULT_WEIGHT_DECAY = 0.01;

    /** Sample sizes the SD 1.5 U-Net takes: 8 latent pixels per image pixel, halved three times. */
    static final int SD15_SAMPLE_MULTIPLE = 64;

    public RunOptions {
        ignored = List.copyOf(ignored);
    }

    public static RunOptions of(TrainingConfig c) throws EngineException {
        String optimizer = c.getString(Params.OPTIMIZER_TYPE);
        if (!optimizer.equals("AdamW") && !optimizer.equals("AdamW8bit")) {
            throw new EngineException("The built-in engine trains with AdamW only, not " + optimizer
                    + ": choose AdamW (or AdamW8bit, which it runs as AdamW), or train with the sd-scripts engine.");
        }
        List<String> ignored = new ArrayList<>();
        double weightDecay = DEFAULT_WEIGHT_DECAY;
        List<String> honoured = new ArrayList<>();
        for (String line : c.getString(Params.OPTIMIZER_ARGS).split("[\\n ]+")) {
            String arg = line.strip();
            if (arg.isEmpty()) {
                continue;
            }
            String[] kv = arg.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equals("weight_decay")) {
                try {
                    weightDecay = Double.parseDouble(kv[1].strip());
                } catch (NumberFormatException e) {
                    throw new EngineException("optimizer_args: weight_decay must be a number, not '" + kv[1] + "'", e);
                }
                honoured.add("weight_decay=" + kv[1].strip());
            } else {
                ignored.add("optimizer argument " + arg);
            }
        }
        List<SamplePrompt> prompts;
        try {
            prompts = SamplePromptFile.fromConfig(c);
        } catch (IllegalArgumentException e) {
            throw new EngineException("The sample prompts cannot be used: " + e.getMessage(), e);
        }
        for (SamplePrompt p : prompts) {
            // SD 1.5's U-Net halves the latents three times; sd-scripts' diffusers U-Net resizes odd sizes back up,
            // this one does not
            if (p.width() % SD15_SAMPLE_MULTIPLE != 0 || p.height() % SD15_SAMPLE_MULTIPLE != 0) {
                throw new EngineException("The sample prompts cannot be used: \"" + p.prompt() + "\" is "
                        + p.width() + "x" + p.height() + "; the built-in engine samples in multiples of "
                        + SD15_SAMPLE_MULTIPLE + " (--w and --h)");
            }
        }
        String precisionName = c.getString(Params.SAVE_PRECISION);
        SafetensorsDtype precision = switch (precisionName) {
            case "bf16" -> SafetensorsDtype.BF16;
            case "float" -> SafetensorsDtype.F32;
            default -> SafetensorsDtype.F16;
        };
        int resolution = c.getInt(Params.RESOLUTION);
        BucketSettings buckets = new BucketSettings(resolution, resolution, c.getInt(Params.MIN_BUCKET_RESO),
                c.getInt(Params.MAX_BUCKET_RESO), c.getInt(Params.BUCKET_STEPS), c.getBool(Params.BUCKET_NO_UPSCALE),
                c.getBool(Params.ENABLE_BUCKET));
        double lr = c.getDouble(Params.LEARNING_RATE);
        String name = c.getString(Params.OUTPUT_NAME).strip();
        return new RunOptions(name.isEmpty() ? "last" : name, resolution, buckets, c.getInt(Params.REPEATS),
                c.getInt(Params.BATCH_SIZE), c.getInt(Params.GRAD_ACCUMULATION), c.getInt(Params.EPOCHS),
                c.getBool(Params.SHUFFLE_CAPTION), c.getInt(Params.KEEP_TOKENS), c.getInt(Params.NETWORK_DIM),
                c.getDouble(Params.NETWORK_ALPHA), c.getDouble(Params.NETWORK_DROPOUT),
                c.getBool(Params.TRAIN_UNET_ONLY), lr, orFallback(c.getDouble(Params.UNET_LR), lr),
                orFallback(c.getDouble(Params.TEXT_ENCODER_LR), lr), LrSchedule.Kind.of(c.getString(Params.LR_SCHEDULER)),
                c.getInt(Params.LR_CYCLES), c.getInt(Params.LR_WARMUP_STEPS), c.getDouble(Params.MIN_SNR_GAMMA),
                c.getDouble(Params.NOISE_OFFSET), c.getInt(Params.CLIP_SKIP), c.getInt(Params.SEED),
                c.getInt(Params.SAVE_EVERY), precision, precisionName, optimizer, weightDecay,
                String.join(",", honoured), c.getBool(Params.FLIP_AUG),
                new Samples(prompts, c.getInt(Params.SAMPLE_EVERY), c.getString(Params.SAMPLE_SAMPLER)),
                new Validation(c.getDouble(Params.VALIDATION_SPLIT), c.getInt(Params.VALIDATION_SEED),
                        c.getInt(Params.VALIDATE_EVERY)),
                ignored);
    }

    /** sd-scripts: a group without its own rate (0 / unset) takes {@code learning_rate}. */
    private static double orFallback(double groupLr, double lr) {
        return groupLr > 0 ? groupLr : lr;
    }

    /** {@code ss_optimizer}: AdamW's class as sd-scripts names it, with the arguments in Python's form. */
    public String optimizerMetadata() {
        String base = io.atelier.core.lora.KohyaMetadata.OPTIMIZER_ADAMW;
        return optimizerArgs.isEmpty() ? base : base + "(" + optimizerArgs + ")";
    }

    public boolean eightBitRequested() {
        return optimizerType.toLowerCase(Locale.ROOT).endsWith("8bit");
    }
}
