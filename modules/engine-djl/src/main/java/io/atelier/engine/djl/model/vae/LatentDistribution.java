package io.atelier.engine.djl.model.vae;

import io.atelier.engine.djl.nn.OwnedArrays;
import ai.djl.ndarray.NDArray;

/**
 * The VAE encoder's diagonal Gaussian over the (unscaled) latents; {@link VaeEncoder#SCALE_FACTOR} turns a draw into
 * the latents the U-Net is trained on.
 *
 * @param mean   {@code [B, 4, H/8, W/8]}
 * @param logVar the log-variance, clamped to [-30, 20] as LDM does
 */
public record LatentDistribution(NDArray mean, NDArray logVar) {

    /** {@code mean + exp(logVar / 2) · noise}, with {@code noise} a standard normal draw of the same shape. */
    public NDArray sample(NDArray noise) {
        return mean.add(OwnedArrays.times(logVar, 0.5f).exp().mul(noise));
    }
}
