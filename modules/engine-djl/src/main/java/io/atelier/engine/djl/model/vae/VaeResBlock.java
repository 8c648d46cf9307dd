package io.atelier.engine.djl.model.vae;

import ai.djl.ndarray.NDArray;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Activations;
import io.atelier.engine.djl.nn.Conv2d;
import io.atelier.engine.djl.nn.GroupNorm;
import java.io.IOException;

/** LDM VAE {@code ResnetBlock}: norm1, SiLU, conv1, norm2, SiLU, conv2, plus the input ({@code nin_shortcut} 1×1 when channels change). */
final class VaeResBlock {

    static final float EPS = 1e-6f;

    private final GroupNorm norm1;
    private final Conv2d conv1;
    private final GroupNorm norm2;
    private final Conv2d conv2;
    private final Conv2d shortcut;
    final long outChannels;

    private VaeResBlock(GroupNorm norm1, Conv2d conv1, GroupNorm norm2, Conv2d conv2, Conv2d shortcut, long out) {
        this.norm1 = norm1;
        this.conv1 = conv1;
        this.norm2 = norm2;
        this.conv2 = conv2;
        this.shortcut = shortcut;
        this.outChannels = out;
    }

    static VaeResBlock load(Weights w, long in) throws IOException {
        long out = w.dim("conv1.weight", 0);
        return new VaeResBlock(
                GroupNorm.load(w, "norm1", in, GroupNorm.SD_GROUPS, EPS),
                Conv2d.load3x3(w, "conv1", in, out),
                GroupNorm.load(w, "norm2", out, GroupNorm.SD_GROUPS, EPS),
                Conv2d.load3x3(w, "conv2", out, out),
                in == out ? null : Conv2d.load1x1(w, "nin_shortcut", in, out),
                out);
    }

    NDArray forward(NDArray x) {
        NDArray h = conv1.forward(Activations.silu(norm1.forward(x)));
        h = conv2.forward(Activations.silu(norm2.forward(h)));
        return (shortcut == null ? x : shortcut.forward(x)).add(h);
    }
}
