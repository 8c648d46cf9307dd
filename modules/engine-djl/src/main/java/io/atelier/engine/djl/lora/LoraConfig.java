package io.atelier.engine.djl.lora;

/**
 * How a kohya {@code networks.lora} network is built.
 *
 * @param rank     {@code network_dim}: the inner width of every module
 * @param alpha    {@code network_alpha}: the output is scaled by {@code alpha / rank}
 * @param dropout  {@code network_dropout}: probability of zeroing a down-projection output while training (0 = off)
 * @param unetOnly {@code network_train_unet_only}: no modules on the text encoder
 * @param seed     seeds the down weights' initialisation and the dropout masks, so a run can be repeated exactly
 */
public record LoraConfig(int rank, float alpha, float dropout, boolean unetOnly, long seed) {

    public LoraConfig {
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be at least 1, was " + rank);
        }
        if (!(alpha > 0) || Float.isInfinite(alpha)) {
            throw new IllegalArgumentException("LoRA alpha must be a positive number, was " + alpha);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("LoRA dropout must be in [0, 1), was " + dropout);
        }
    }

    public float scale() {
        return alpha / rank;
    }
}
