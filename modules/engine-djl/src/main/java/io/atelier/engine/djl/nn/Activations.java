package io.atelier.engine.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The activations SD 1.5 uses, as NDArray expressions (all differentiable). */
public final class Activations {

    private Activations() {
    }

    /** SiLU (swish with β = 1): the U-Net's and the VAE's nonlinearity. */
    public static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** CLIP's {@code quick_gelu}: {@code x·σ(1.702·x)}. */
    public static NDArray quickGelu(NDArray x) {
        return x.mul(Activation.sigmoid(OwnedArrays.times(x, 1.702f)));
    }

    /** The exact (erf) GELU of the U-Net's GEGLU feed-forward. */
    public static NDArray gelu(NDArray x) {
        return OwnedArrays.times(x.mul(OwnedArrays.times(x, (float) (1 / Math.sqrt(2))).erf().add(1f)), 0.5f);
    }
}
