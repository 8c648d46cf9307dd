package io.atelier.engine.djl.model.unet;

import ai.djl.ndarray.NDArray;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Activations;
import io.atelier.engine.djl.nn.Conv2d;
import io.atelier.engine.djl.nn.GroupNorm;
import java.io.IOException;

/**
 * LDM {@code ResBlock}: {@code in_layers} (GroupNorm, SiLU, 3×3 conv), plus the projected time embedding
 * ({@code emb_layers}: SiLU, Linear), {@code out_layers} (GroupNorm, SiLU, dropout, 3×3 conv), plus the input
 * (through the 1×1 {@code skip_connection} when the channel count changes).
 */
final class ResBlock implements UnetLayer {

    private static final float EPS = 1e-5f;

    private final GroupNorm inNorm;
    private final Conv2d inConv;
    private final io.atelier.engine.djl.nn.Linear embedding;
    private final GroupNorm outNorm;
    private final Conv2d outConv;
    private final Conv2d skip;
    final long outChannels;

    private ResBlock(GroupNorm inNorm, Conv2d inConv, io.atelier.engine.djl.nn.Linear embedding, GroupNorm outNorm,
            Conv2d outConv, Conv2d skip, long outChannels) {
        this.inNorm = inNorm;
        this.inConv = inConv;
        this.embedding = embedding;
        this.outNorm = outNorm;
        this.outConv = outConv;
        this.skip = skip;
        this.outChannels = outChannels;
    }

    /** The block under {@code w}; its output channel count is read from {@code in_layers.2.weight}. */
    static ResBlock load(Weights w, long in, long timeDim) throws IOException {
        long out = w.dim("in_layers.2.weight", 0);
        GroupNorm inNorm = GroupNorm.load(w, "in_layers.0", in, GroupNorm.SD_GROUPS, EPS);
        Conv2d inConv = Conv2d.load3x3(w, "in_layers.2", in, out);
        var embedding = io.atelier.engine.djl.nn.Linear.load(w, "emb_layers.1", timeDim, out, true);
        GroupNorm outNorm = GroupNorm.load(w, "out_layers.0", out, GroupNorm.SD_GROUPS, EPS);
        Conv2d outConv = Conv2d.load3x3(w, "out_layers.3", out, out);
        Conv2d skip = in == out && !w.has("skip_connection.weight") ? null : Conv2d.load1x1(w, "skip_connection", in, out);
        return new ResBlock(inNorm, inConv, embedding, outNorm, outConv, skip, out);
    }

    @Override
    public NDArray forward(NDArray x, NDArray timeEmbedding, NDArray context) {
        NDArray h = inConv.forward(Activations.silu(inNorm.forward(x)));
        NDArray e = embedding.forward(Activations.silu(timeEmbedding));
        h = h.add(e.reshape(e.getShape().get(0), outChannels, 1, 1));
        h = outConv.forward(Activations.silu(outNorm.forward(h)));
        return (skip == null ? x : skip.forward(x)).add(h);
    }
}
