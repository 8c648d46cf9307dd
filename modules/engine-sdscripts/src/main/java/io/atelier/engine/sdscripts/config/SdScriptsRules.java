package io.atelier.engine.sdscripts.config;

import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-parameter rules sd-scripts enforces at start-up (reference §3.2), checked before files are written so the user
 * sees them at once instead of after minutes of model loading.
 */
public final class SdScriptsRules {

    private SdScriptsRules() {
    }

    /** Every broken rule, each naming the key and the problem; empty when the config can run. */
    public static List<String> problems(TrainingConfig c) {
        List<String> p = new ArrayList<>();
        int steps = c.getInt(Params.BUCKET_STEPS);
        int multiple = ModelFamilies.isSdxl(c) ? 32 : 64;
        if (c.getBool(Params.ENABLE_BUCKET) && steps % multiple != 0) {
            p.add("bucket_reso_steps: " + steps + " is not a multiple of " + multiple + ", which "
                    + ModelFamilies.trainingScript(c) + " requires");
        }
        if (c.getInt(Params.MIN_BUCKET_RESO) > c.getInt(Params.MAX_BUCKET_RESO)) {
            p.add("min_bucket_reso: " + c.getInt(Params.MIN_BUCKET_RESO) + " is larger than max_bucket_reso "
                    + c.getInt(Params.MAX_BUCKET_RESO));
        }
        if ("constant".equals(c.getString(Params.LR_SCHEDULER)) && c.getInt(Params.LR_WARMUP_STEPS) != 0) {
            p.add("lr_warmup_steps: the constant scheduler fails with a warm-up; use constant_with_warmup");
        }
        if (c.getDouble(Params.LEARNING_RATE) == 0 && c.getDouble(Params.UNET_LR) == 0) {
            p.add("unet_lr: 0 together with learning_rate 0 leaves the U-Net untrained");
        }
        if (c.getString(Params.OUTPUT_NAME).isBlank()) {
            p.add("output_name: empty; sd-scripts would name the LoRA last.safetensors");
        }
        return p;
    }
}
