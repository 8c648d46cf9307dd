package io.atelier.engine.djl.model.clip;

import ai.djl.ndarray.NDArray;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Activations;
import io.atelier.engine.djl.nn.Attention;
import io.atelier.engine.djl.nn.LayerNorm;
import io.atelier.engine.djl.nn.Linear;
import io.atelier.engine.djl.nn.LoraTarget;
import java.io.IOException;
import java.util.List;

/** A Hugging Face {@code CLIPEncoderLayer}: pre-norm causal self-attention and a quick-GELU MLP, both residual. */
final class ClipEncoderLayer {

    private final LayerNorm norm1;
    private final Linear q;
    private final Linear k;
    private final Linear v;
    private final Linear out;
    private final LayerNorm norm2;
    private final Linear fc1;
    private final Linear fc2;
    private final int heads;

    private ClipEncoderLayer(LayerNorm norm1, Linear q, Linear k, Linear v, Linear out, LayerNorm norm2, Linear fc1,
            Linear fc2, int heads) {
        this.norm1 = norm1;
        this.q = q;
        this.k = k;
        this.v = v;
        this.out = out;
        this.norm2 = norm2;
        this.fc1 = fc1;
        this.fc2 = fc2;
        this.heads = heads;
    }

    static ClipEncoderLayer load(Weights w, long dim, int heads) throws IOException {
        long mlp = w.dim("mlp.fc1.weight", 0);
        return new ClipEncoderLayer(
                LayerNorm.load(w, "layer_norm1", dim),
                Linear.load(w, "self_attn.q_proj", dim, dim, true),
                Linear.load(w, "self_attn.k_proj", dim, dim, true),
                Linear.load(w, "self_attn.v_proj", dim, dim, true),
                Linear.load(w, "self_attn.out_proj", dim, dim, true),
                LayerNorm.load(w, "layer_norm2", dim),
                Linear.load(w, "mlp.fc1", dim, mlp, true),
                Linear.load(w, "mlp.fc2", mlp, dim, true),
                heads);
    }

    NDArray forward(NDArray x, NDArray causalMask) {
        NDArray h = norm1.forward(x);
        x = out.forward(Attention.attend(q.forward(h), k.forward(h), v.forward(h), heads, causalMask)).add(x);
        return fc2.forward(Activations.quickGelu(fc1.forward(norm2.forward(x)))).add(x);
    }

    List<LoraTarget> loraTargets() {
        return List.of(q, k, v, out, fc1, fc2);
    }
}
