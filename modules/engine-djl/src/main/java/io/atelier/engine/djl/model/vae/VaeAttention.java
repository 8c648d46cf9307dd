package io.atelier.engine.djl.model.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Attention;
import io.atelier.engine.djl.nn.Conv2d;
import io.atelier.engine.djl.nn.GroupNorm;
import java.io.IOException;

/** LDM VAE {@code AttnBlock} (the mid block's {@code attn_1}): one head, q/k/v/proj_out as 1×1 convs, residual. */
final class VaeAttention {

    private final GroupNorm norm;
    private final Conv2d q;
    private final Conv2d k;
    private final Conv2d v;
    private final Conv2d projOut;

    private VaeAttention(GroupNorm norm, Conv2d q, Conv2d k, Conv2d v, Conv2d projOut) {
        this.norm = norm;
        this.q = q;
        this.k = k;
        this.v = v;
        this.projOut = projOut;
    }

    static VaeAttention load(Weights w, long channels) throws IOException {
        return new VaeAttention(
                GroupNorm.load(w, "norm", channels, GroupNorm.SD_GROUPS, VaeResBlock.EPS),
                Conv2d.load1x1(w, "q", channels, channels),
                Conv2d.load1x1(w, "k", channels, channels),
                Conv2d.load1x1(w, "v", channels, channels),
                Conv2d.load1x1(w, "proj_out", channels, channels));
    }

    NDArray forward(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long hw = s.get(2) * s.get(3);
        NDArray h = norm.forward(x);
        NDArray attended = Attention.attend(tokens(q.forward(h), b, c, hw), tokens(k.forward(h), b, c, hw),
                tokens(v.forward(h), b, c, hw), 1, null);
        return projOut.forward(attended.transpose(0, 2, 1).reshape(s)).add(x);
    }

    private static NDArray tokens(NDArray x, long b, long c, long hw) {
        return x.reshape(b, c, hw).transpose(0, 2, 1);
    }
}
