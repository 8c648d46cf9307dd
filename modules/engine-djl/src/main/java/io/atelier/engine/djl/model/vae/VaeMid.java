package io.atelier.engine.djl.model.vae;

import ai.djl.ndarray.NDArray;
import io.atelier.engine.djl.checkpoint.Weights;
import java.io.IOException;

/** The VAE's {@code mid} block, shared by encoder and decoder: block_1, attn_1, block_2. */
final class VaeMid {

    private final VaeResBlock block1;
    private final VaeAttention attention;
    private final VaeResBlock block2;

    private VaeMid(VaeResBlock block1, VaeAttention attention, VaeResBlock block2) {
        this.block1 = block1;
        this.attention = attention;
        this.block2 = block2;
    }

    static VaeMid load(Weights w, long channels) throws IOException {
        return new VaeMid(VaeResBlock.load(w.scope("block_1"), channels), VaeAttention.load(w.scope("attn_1"), channels),
                VaeResBlock.load(w.scope("block_2"), channels));
    }

    NDArray forward(NDArray x) {
        return block2.forward(attention.forward(block1.forward(x)));
    }
}
