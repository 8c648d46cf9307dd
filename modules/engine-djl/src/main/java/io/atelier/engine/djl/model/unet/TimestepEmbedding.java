package io.atelier.engine.djl.model.unet;

import io.atelier.engine.djl.nn.OwnedArrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** LDM {@code timestep_embedding}: {@code [cos(t·f), sin(t·f)]} with {@code f_i = 10000^(-i/half)}, i < half. */
final class TimestepEmbedding {

    private static final double MAX_PERIOD = 10000;

    private TimestepEmbedding() {
    }

    /** {@code timesteps} {@code [B]} (float) → {@code [B, dim]}. */
    static NDArray sinusoidal(NDArray timesteps, long dim) {
        int half = (int) (dim / 2);
        float[] freqs = new float[half];
        for (int i = 0; i < half; i++) {
            freqs[i] = (float) Math.exp(-Math.log(MAX_PERIOD) * i / half);
        }
        NDManager m = timesteps.getManager();
        NDArray args = timesteps.reshape(-1, 1).mul(OwnedArrays.of(m, freqs, new ai.djl.ndarray.types.Shape(half)).reshape(1, half));
        NDArray embedding = args.cos().concat(args.sin(), 1);
        if (dim % 2 == 1) {
            embedding = embedding.concat(m.zeros(new ai.djl.ndarray.types.Shape(embedding.getShape().get(0), 1)), 1);
        }
        return embedding;
    }
}
