package io.atelier.core.params;

import java.util.List;
import java.util.Map;

/** The presets every installation has: the workflow's universal XL preset and one for SD 1.5 checkpoints. */
public final class BuiltInPresets {

    public static final String UNIVERSAL_XL = "Universal XL (Pony / Illustrious)";
    public static final String SD15 = "SD 1.5";

    private BuiltInPresets() {
    }

    /** Exactly the workflow's values (reference/workflow.md §4), which are the catalogue's defaults. */
    public static TrainingConfig universalXl() {
        return TrainingConfig.defaults();
    }

    /**
     * The same recipe for SD 1.5: 512 px training, buckets up to 1024 in steps of 64, clip skip 2 (effective on SD 1.5),
     * fp16 mixed precision (most SD 1.5 GPUs), the rest as the universal preset.
     */
    public static TrainingConfig sd15() {
        return TrainingConfig.of(Map.of(
                Params.MODEL_FAMILY.key(), "sd15",
                Params.RESOLUTION.key(), 512,
                Params.MAX_BUCKET_RESO.key(), 1024,
                Params.BUCKET_STEPS.key(), 64,
                Params.MIXED_PRECISION.key(), "fp16"));
    }

    /** Name and configuration of every built-in preset. */
    public static List<Map.Entry<String, TrainingConfig>> all() {
        return List.of(Map.entry(UNIVERSAL_XL, universalXl()), Map.entry(SD15, sd15()));
    }
}
