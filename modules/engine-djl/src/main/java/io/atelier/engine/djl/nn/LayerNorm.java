package io.atelier.engine.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.atelier.engine.djl.checkpoint.Weights;
import java.io.IOException;

/** Layer normalisation over the last axis (torch {@code LayerNorm}, eps 1e-5 as in SD's transformers and CLIP). */
public final class LayerNorm {

    public static final float DEFAULT_EPS = 1e-5f;

    private final NDArray gamma;
    private final NDArray beta;
    private final float eps;
    private final Shape normalized;

    private LayerNorm(NDArray gamma, NDArray beta, float eps) {
        this.gamma = gamma;
        this.beta = beta;
        this.eps = eps;
        this.normalized = gamma.getShape();
    }

    public static LayerNorm load(Weights w, String name, long dim) throws IOException {
        Weights s = w.scope(name);
        return new LayerNorm(s.get("weight", dim), s.get("bias", dim), DEFAULT_EPS);
    }

    public NDArray forward(NDArray x) {
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, normalized, gamma, beta, eps).singletonOrThrow();
    }
}
