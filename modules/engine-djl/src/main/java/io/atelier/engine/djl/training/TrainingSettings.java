package io.atelier.engine.djl.training;

/**
 * The optimiser and loss settings of a LoRA training loop: AdamW with kohya's usual betas.
 *
 * @param unetLearningRate learning rate of the U-Net modules (the rate of {@link LoraTrainer#stepOnTokens}; a
 *                         scheduled run passes each step's rates to {@link LoraTrainer#apply})
 * @param textLearningRate learning rate of the text-encoder modules
 * @param weightDecay      decoupled weight decay (AdamW)
 * @param clipSkip         1 = last text-encoder layer, 2 = penultimate
 * @param maxGradNorm      the LoRA gradients' global L2 norm is clipped to this (0 = off), as sd-scripts'
 *                         {@code max_grad_norm}
 * @param noiseOffset      sd-scripts' {@code noise_offset}: {@code noise + offset × randn(B, C, 1, 1)} (0 = off)
 * @param minSnrGamma      min-SNR-γ loss weighting (0 = off)
 */
public record TrainingSettings(float unetLearningRate, float textLearningRate, float weightDecay, int clipSkip,
        float maxGradNorm, float noiseOffset, float minSnrGamma) {

    public TrainingSettings {
        if (!(unetLearningRate >= 0) || !(textLearningRate >= 0)) {
            throw new IllegalArgumentException("learning rates must be non-negative: " + unetLearningRate + ", "
                    + textLearningRate);
        }
        if (clipSkip < 1) {
            throw new IllegalArgumentException("clip skip must be at least 1, was " + clipSkip);
        }
        if (!(noiseOffset >= 0) || !(minSnrGamma >= 0)) {
            throw new IllegalArgumentException("noise offset and min-SNR gamma must be non-negative: " + noiseOffset
                    + ", " + minSnrGamma);
        }
    }

    /** Without noise offset and min-SNR weighting. */
    public TrainingSettings(float unetLearningRate, float textLearningRate, float weightDecay, int clipSkip,
            float maxGradNorm) {
        this(unetLearningRate, textLearningRate, weightDecay, clipSkip, maxGradNorm, 0, 0);
    }
}
