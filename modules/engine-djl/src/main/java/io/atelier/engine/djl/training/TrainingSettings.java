package io.atelier.engine.djl.training;

/**
 * The optimiser settings of a LoRA training loop: AdamW with kohya's usual betas.
 *
 * @param unetLearningRate learning rate of the U-Net modules
 * @param textLearningRate learning rate of the text-encoder modules
 * @param weightDecay      decoupled weight decay (AdamW)
 * @param clipSkip         1 = last text-encoder layer, 2 = penultimate
 * @param maxGradNorm      gradients are clipped element-wise to ±this (0 = off); DJL's optimiser has no global norm
 */
public record TrainingSettings(float unetLearningRate, float textLearningRate, float weightDecay, int clipSkip,
        float maxGradNorm) {

    public TrainingSettings {
        if (!(unetLearningRate >= 0) || !(textLearningRate >= 0)) {
            throw new IllegalArgumentException("learning rates must be non-negative: " + unetLearningRate + ", "
                    + textLearningRate);
        }
        if (clipSkip < 1) {
            throw new IllegalArgumentException("clip skip must be at least 1, was " + clipSkip);
        }
    }
}
