package io.atelier.engine.djl.model.unet;

import ai.djl.ndarray.NDArray;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Attention;
import io.atelier.engine.djl.nn.Linear;
import io.atelier.engine.djl.nn.LoraTarget;
import java.io.IOException;
import java.util.List;

/** LDM {@code CrossAttention}: bias-free {@code to_q/to_k/to_v}, {@code to_out.0} with bias; self-attention without context. */
final class CrossAttention {

    private final Linear toQ;
    private final Linear toK;
    private final Linear toV;
    private final Linear toOut;
    private final int heads;

    private CrossAttention(Linear toQ, Linear toK, Linear toV, Linear toOut, int heads) {
        this.toQ = toQ;
        this.toK = toK;
        this.toV = toV;
        this.toOut = toOut;
        this.heads = heads;
    }

    static CrossAttention load(Weights w, long dim, long contextDim, int heads) throws IOException {
        return new CrossAttention(
                Linear.load(w, "to_q", dim, dim, false),
                Linear.load(w, "to_k", contextDim, dim, false),
                Linear.load(w, "to_v", contextDim, dim, false),
                Linear.load(w, "to_out.0", dim, dim, true),
                heads);
    }

    /** {@code context} null = self-attention. */
    NDArray forward(NDArray x, NDArray context) {
        NDArray c = context == null ? x : context;
        return toOut.forward(Attention.attend(toQ.forward(x), toK.forward(c), toV.forward(c), heads, null));
    }

    List<LoraTarget> loraTargets() {
        return List.of(toQ, toK, toV, toOut);
    }
}
