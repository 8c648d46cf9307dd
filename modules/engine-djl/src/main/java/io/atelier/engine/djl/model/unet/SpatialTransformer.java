package io.atelier.engine.djl.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Conv2d;
import io.atelier.engine.djl.nn.GroupNorm;
import io.atelier.engine.djl.nn.LoraTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * LDM {@code SpatialTransformer} as in SD 1.5: GroupNorm (eps 1e-6), {@code proj_in} as a 1×1 conv, the
 * {@code transformer_blocks} on the flattened {@code [B, H·W, C]} tokens, {@code proj_out} as a 1×1 conv, plus the
 * input. The depth is the number of {@code transformer_blocks.<i>} in the checkpoint.
 */
final class SpatialTransformer implements UnetLayer {

    private final GroupNorm norm;
    private final Conv2d projIn;
    private final List<TransformerBlock> blocks;
    private final Conv2d projOut;

    private SpatialTransformer(GroupNorm norm, Conv2d projIn, List<TransformerBlock> blocks, Conv2d projOut) {
        this.norm = norm;
        this.projIn = projIn;
        this.blocks = blocks;
        this.projOut = projOut;
    }

    static SpatialTransformer load(Weights w, long channels, long contextDim, int heads) throws IOException {
        long[] projInShape = w.shape("proj_in.weight");
        if (projInShape.length != 4) {
            // SD 2.x stores proj_in as a Linear; SD 1.5 as a 1×1 conv
            throw w.problem("tensor '" + w.key("proj_in.weight")
                    + "' has shape " + java.util.Arrays.toString(projInShape) + ", expected a 1×1 conv [inner, "
                    + channels + ", 1, 1] as in SD 1.5");
        }
        long inner = projInShape[0];
        GroupNorm norm = GroupNorm.load(w, "norm", channels, GroupNorm.SD_GROUPS, 1e-6f);
        Conv2d projIn = Conv2d.load1x1(w, "proj_in", channels, inner);
        List<TransformerBlock> blocks = new ArrayList<>();
        for (int i = 0; w.has("transformer_blocks." + i + ".norm1.weight"); i++) {
            blocks.add(TransformerBlock.load(w.scope("transformer_blocks." + i), inner, contextDim, heads));
        }
        if (blocks.isEmpty()) {
            throw w.problem("spatial transformer '" + w.path()
                    + "' has no transformer_blocks.0");
        }
        Conv2d projOut = Conv2d.load1x1(w, "proj_out", inner, channels);
        return new SpatialTransformer(norm, projIn, List.copyOf(blocks), projOut);
    }

    @Override
    public NDArray forward(NDArray x, NDArray timeEmbedding, NDArray context) {
        Shape s = x.getShape();
        long b = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        NDArray t = projIn.forward(norm.forward(x));
        long inner = t.getShape().get(1);
        t = t.reshape(b, inner, h * w).transpose(0, 2, 1);
        for (TransformerBlock block : blocks) {
            t = block.forward(t, context);
        }
        t = t.transpose(0, 2, 1).reshape(b, inner, h, w);
        return projOut.forward(t).add(x);
    }

    int depth() {
        return blocks.size();
    }

    List<LoraTarget> loraTargets() {
        List<LoraTarget> targets = new ArrayList<>();
        targets.add(projIn);
        for (TransformerBlock block : blocks) {
            targets.addAll(block.loraTargets());
        }
        targets.add(projOut);
        return targets;
    }
}
