package io.atelier.core.params;

import io.atelier.core.buckets.BucketSettings;
import io.atelier.core.buckets.MixedSizeWarning;
import io.atelier.core.params.ConfigWarning.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks of a configuration against the workflow's advice, sd-scripts' behaviour and the dataset, each with a
 * fix (reference/workflow.md §4, reference/sd-scripts.md §1 and §3.2).
 */
public final class ConfigChecks {

    /** Above this rank a style or character LoRA gains little and the file grows linearly. */
    public static final int DIM_FAR_TOO_HIGH = 64;

    private ConfigChecks() {
    }

    /**
     * @param trigger        the project's trigger word
     * @param builtInEngine  the run uses the built-in DJL engine (no bitsandbytes there)
     */
    public static List<ConfigWarning> check(TrainingConfig c, DatasetFacts facts, String trigger,
                                            boolean builtInEngine) {
        List<ConfigWarning> w = new ArrayList<>();
        if (facts.sizes().isEmpty()) {
            w.add(new ConfigWarning("no-images", Severity.WARNING, "The dataset has no readable images.",
                    "Import images into the Dataset window first.", Map.of()));
        } else {
            StepBudget budget = StepBudget.of(c, facts.sizes());
            if (budget.overBudget()) {
                String fix = budget.suggestedRepeats() == null
                        ? "Lower the epochs or raise the batch size; even 1 repeat exceeds the budget."
                        : "Set repeats to " + budget.suggestedRepeats() + ".";
                w.add(new ConfigWarning("steps-over-budget", Severity.WARNING, String.format(Locale.ROOT,
                        "%,d total steps exceed the %,d-step budget: the LoRA will likely overtrain.",
                        budget.totalSteps(), StepBudget.MAX_STEPS), fix, budget.suggestedRepeats() == null ? Map.of()
                        : Map.of(Params.REPEATS.key(), budget.suggestedRepeats())));
            }
            int res = c.getInt(Params.RESOLUTION);
            BucketSettings settings = new BucketSettings(res, res, c.getInt(Params.MIN_BUCKET_RESO),
                    c.getInt(Params.MAX_BUCKET_RESO), c.getInt(Params.BUCKET_STEPS),
                    c.getBool(Params.BUCKET_NO_UPSCALE), c.getBool(Params.ENABLE_BUCKET));
            MixedSizeWarning.check(settings, facts.sizes()).ifPresent(message -> w.add(new ConfigWarning(
                    "bucketing-off-mixed-sizes", Severity.WARNING, message + " Without buckets every image is "
                    + "resized to " + res + "×" + res + ": stretched faces and artefacts.", "Turn buckets on.",
                    Map.of(Params.ENABLE_BUCKET.key(), true))));
        }
        int dim = c.getInt(Params.NETWORK_DIM);
        if (dim > DIM_FAR_TOO_HIGH) {
            long size = LoraFileSize.estimate(c);
            long at32 = LoraFileSize.estimate(c.with(Params.NETWORK_DIM, 32).with(Params.NETWORK_ALPHA, 16.0));
            w.add(new ConfigWarning("dim-far-too-high", Severity.WARNING, String.format(Locale.ROOT,
                    "Network dim %d is far too high for a style or character LoRA: a file of about %d MB instead "
                            + "of %d MB at dim 32, for little gain.", dim, size / 1_000_000, at32 / 1_000_000),
                    "Use dim 32 with alpha 16.", Map.of(Params.NETWORK_DIM.key(), 32, Params.NETWORK_ALPHA.key(), 16.0)));
        }
        if (c.getBool(Params.SHUFFLE_CAPTION) && c.getInt(Params.KEEP_TOKENS) > 0
                && !facts.triggerNotFirst().isEmpty()) {
            w.add(new ConfigWarning("shuffle-without-trigger-first", Severity.WARNING, "Tags are shuffled keeping the "
                    + "first " + c.getInt(Params.KEEP_TOKENS) + ", but " + facts.triggerNotFirst().size()
                    + " captions do not start with the trigger word \"" + trigger + "\": a random tag is kept "
                    + "instead (" + sample(facts.triggerNotFirst()) + ").",
                    "Put the trigger word first (Tag editor › Trigger Word First, or atelier tags trigger).",
                    Map.of()));
        }
        if (c.getString(Params.LR_SCHEDULER).equals("cosine") && c.getInt(Params.LR_CYCLES) > 1) {
            w.add(new ConfigWarning("cosine-ignores-cycles", Severity.WARNING, "Plain cosine ignores the "
                    + c.getInt(Params.LR_CYCLES) + " cycles (a single half cosine); only cosine_with_restarts honours "
                    + "them.", "Use cosine_with_restarts.",
                    Map.of(Params.LR_SCHEDULER.key(), "cosine_with_restarts")));
        }
        if (!c.getString(Params.MODEL_FAMILY).equals("sd15") && c.getInt(Params.CLIP_SKIP) != 1) {
            w.add(new ConfigWarning("clip-skip-on-sdxl", Severity.NOTE, "Clip skip " + c.getInt(Params.CLIP_SKIP)
                    + " has no effect on SDXL-family models: sd-scripts ignores it and logs a warning (it still "
                    + "lands in the file's metadata).", "Nothing to do; set 1 to silence the warning.",
                    Map.of(Params.CLIP_SKIP.key(), 1)));
        }
        if (c.getDouble(Params.LEARNING_RATE) == 0) {
            w.add(new ConfigWarning("base-lr-unset", Severity.WARNING, "The base learning rate is unset (0): parameter "
                    + "groups without their own rate do not learn, and the metadata records 0.",
                    "Set it to the UNet rate.", Map.of(Params.LEARNING_RATE.key(), c.getDouble(Params.UNET_LR))));
        }
        if (builtInEngine && c.getString(Params.OPTIMIZER_TYPE).endsWith("8bit")) {
            String plain = c.getString(Params.OPTIMIZER_TYPE).replace("8bit", "");
            w.add(new ConfigWarning("8bit-on-built-in", Severity.NOTE, c.getString(Params.OPTIMIZER_TYPE)
                    + " needs bitsandbytes, which the built-in engine does not have: it trains with " + plain
                    + " (same results, more memory).", "Choose " + plain + " to say so.",
                    Map.of(Params.OPTIMIZER_TYPE.key(), plain)));
        }
        if (!facts.uncaptioned().isEmpty()) {
            w.add(new ConfigWarning("images-without-captions", Severity.WARNING, facts.uncaptioned().size()
                    + " images have no caption: they train on nothing but the image (" + sample(facts.uncaptioned())
                    + ").", "Caption them (Tag editor › Auto-tag…, or atelier tags auto).", Map.of()));
        }
        if (!facts.triggerNotFirst().isEmpty() && !c.getBool(Params.SHUFFLE_CAPTION)) {
            w.add(new ConfigWarning("trigger-not-first", Severity.WARNING, facts.triggerNotFirst().size()
                    + " captions do not start with the trigger word \"" + trigger + "\" (" + sample(facts
                    .triggerNotFirst()) + ").", "Put it first (Tag editor › Trigger Word First, or atelier tags "
                    + "trigger).", Map.of()));
        }
        return w;
    }

    private static String sample(List<String> files) {
        return files.size() <= 3 ? String.join(", ", files)
                : String.join(", ", files.subList(0, 3)) + " and " + (files.size() - 3) + " more";
    }
}
