package io.atelier.engine.djl.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Activations;
import io.atelier.engine.djl.nn.LayerNorm;
import io.atelier.engine.djl.nn.Linear;
import io.atelier.engine.djl.nn.LoraTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * LDM {@code BasicTransformerBlock}: self-attention, cross-attention on the text context, GEGLU feed-forward
 * ({@code ff.net.0.proj} to twice the inner width, value × GELU(gate), then {@code ff.net.2}), each pre-normed and
 * residual.
 */
final class TransformerBlock {

    private final LayerNorm norm1;
    private final CrossAttention attn1;
    private final LayerNorm norm2;
    private final CrossAttention attn2;
    private final LayerNorm norm3;
    private final Linear ffIn;
    private final Linear ffOut;

    private TransformerBlock(LayerNorm norm1, CrossAttention attn1, LayerNorm norm2, CrossAttention attn2,
            LayerNorm norm3, Linear ffIn, Linear ffOut) {
        this.norm1 = norm1;
        this.attn1 = attn1;
        this.norm2 = norm2;
        this.attn2 = attn2;
        this.norm3 = norm3;
        this.ffIn = ffIn;
        this.ffOut = ffOut;
    }

    static TransformerBlock load(Weights w, long dim, long contextDim, int heads) throws IOException {
        long ffInner = w.dim("ff.net.2.weight", 1);
        return new TransformerBlock(
                LayerNorm.load(w, "norm1", dim),
                CrossAttention.load(w.scope("attn1"), dim, dim, heads),
                LayerNorm.load(w, "norm2", dim),
                CrossAttention.load(w.scope("attn2"), dim, contextDim, heads),
                LayerNorm.load(w, "norm3", dim),
                Linear.load(w, "ff.net.0.proj", dim, ffInner * 2, true),
                Linear.load(w, "ff.net.2", ffInner, dim, true));
    }

    NDArray forward(NDArray x, NDArray context) {
        x = attn1.forward(norm1.forward(x), null).add(x);
        x = attn2.forward(norm2.forward(x), context).add(x);
        NDArray projected = ffIn.forward(norm3.forward(x));
        NDList valueGate = projected.split(2, projected.getShape().dimension() - 1);
        NDArray geglu = valueGate.get(0).mul(Activations.gelu(valueGate.get(1)));
        return ffOut.forward(geglu).add(x);
    }

    List<LoraTarget> loraTargets() {
        List<LoraTarget> targets = new ArrayList<>(attn1.loraTargets());
        targets.addAll(attn2.loraTargets());
        targets.add(ffIn);
        targets.add(ffOut);
        return targets;
    }
}
