package io.atelier.engine.djl.nn;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/**
 * A layer a LoRA can be attached to: its forward becomes {@code base(x) + adapter(x)}. Identified by its LDM module
 * path (e.g. {@code model.diffusion_model.input_blocks.1.1.proj_in}), which the kohya naming maps to
 * {@code lora_unet_…} / {@code lora_te_…}.
 */
public interface LoraTarget {

    /** How the layer applies its weight, which fixes the shape of the LoRA's down and up weights. */
    enum Kind {
        /** {@code x·Wᵀ} over the last axis; down {@code [rank, in]}, up {@code [out, rank]}. */
        LINEAR,
        /** A 1×1 convolution over NCHW; down {@code [rank, in, 1, 1]}, up {@code [out, rank, 1, 1]} as kohya saves them. */
        CONV_1X1
    }

    String modulePath();

    Kind kind();

    long inFeatures();

    long outFeatures();

    /** Adds {@code adapter(x)} to the layer's output from now on; replaces an adapter attached before. */
    void attach(UnaryOperator<NDArray> adapter);

    void detach();
}
