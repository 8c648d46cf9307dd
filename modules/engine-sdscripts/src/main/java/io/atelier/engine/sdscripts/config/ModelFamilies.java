package io.atelier.engine.sdscripts.config;

import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;

/** What the model family decides for sd-scripts: the training script and the SDXL-only rules (reference §2, §3.2). */
public final class ModelFamilies {

    public static final String SD15 = "sd15";

    private ModelFamilies() {
    }

    /** Every family but SD 1.5 is SDXL-architecture (SDXL, Pony, Illustrious, other XL). */
    public static boolean isSdxl(TrainingConfig config) {
        return !SD15.equals(config.getString(Params.MODEL_FAMILY));
    }

    /** The script to launch: {@code sdxl_train_network.py} for XL families, {@code train_network.py} for SD 1.5. */
    public static String trainingScript(TrainingConfig config) {
        return isSdxl(config) ? "sdxl_train_network.py" : "train_network.py";
    }
}
