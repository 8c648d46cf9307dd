package io.atelier.engine.djl.model.vae;

import ai.djl.ndarray.NDArray;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Activations;
import io.atelier.engine.djl.nn.Conv2d;
import io.atelier.engine.djl.nn.GroupNorm;
import io.atelier.engine.djl.nn.Resize;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SD VAE decoder, {@code first_stage_model.post_quant_conv} plus {@code decoder}: conv_in, the mid block, the
 * {@code up} levels from the highest index down (ResnetBlocks, nearest ×2 and a 3×3 conv), norm_out, SiLU, conv_out.
 */
public final class VaeDecoder {

    private final Conv2d postQuantConv;
    private final Conv2d convIn;
    private final VaeMid mid;
    /** In execution order: {@code up.<n-1>} first. */
    private final List<List<VaeResBlock>> levels;
    private final List<Conv2d> upsamples;
    private final GroupNorm normOut;
    private final Conv2d convOut;

    private VaeDecoder(Conv2d postQuantConv, Conv2d convIn, VaeMid mid, List<List<VaeResBlock>> levels,
            List<Conv2d> upsamples, GroupNorm normOut, Conv2d convOut) {
        this.postQuantConv = postQuantConv;
        this.convIn = convIn;
        this.mid = mid;
        this.levels = levels;
        this.upsamples = upsamples;
        this.normOut = normOut;
        this.convOut = convOut;
    }

    public static VaeDecoder load(Weights checkpoint) throws IOException {
        Weights vae = checkpoint.scope(VaeEncoder.PREFIX);
        Weights w = vae.scope("decoder");
        long[] convInShape = w.shape("conv_in.weight");
        long latentChannels = convInShape[1];
        long ch = convInShape[0];
        Conv2d postQuant = Conv2d.load1x1(vae, "post_quant_conv", latentChannels, latentChannels);
        Conv2d convIn = Conv2d.load3x3(w, "conv_in", latentChannels, ch);
        VaeMid mid = VaeMid.load(w.scope("mid"), ch);
        int count = 0;
        while (w.has("up." + count + ".block.0.conv1.weight")) {
            count++;
        }
        List<List<VaeResBlock>> levels = new ArrayList<>();
        List<Conv2d> upsamples = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            List<VaeResBlock> blocks = new ArrayList<>();
            for (int j = 0; w.has("up." + i + ".block." + j + ".conv1.weight"); j++) {
                VaeResBlock block = VaeResBlock.load(w.scope("up." + i + ".block." + j), ch);
                blocks.add(block);
                ch = block.outChannels;
            }
            levels.add(List.copyOf(blocks));
            String up = "up." + i + ".upsample.conv";
            upsamples.add(w.has(up + ".weight") ? Conv2d.load3x3(w, up, ch, ch) : null);
        }
        GroupNorm normOut = GroupNorm.load(w, "norm_out", ch, GroupNorm.SD_GROUPS, VaeResBlock.EPS);
        Conv2d convOut = Conv2d.load3x3(w, "conv_out", ch, w.dim("conv_out.weight", 0));
        return new VaeDecoder(postQuant, convIn, mid, List.copyOf(levels), Collections.unmodifiableList(upsamples),
                normOut, convOut);
    }

    /** Images {@code [B, 3, 8h, 8w]} in about [-1, 1] from scaled latents {@code [B, 4, h, w]} (divided by 0.18215 here). */
    public NDArray decode(NDArray scaledLatents) {
        NDArray h = convIn.forward(postQuantConv.forward(scaledLatents.div(VaeEncoder.SCALE_FACTOR)));
        h = mid.forward(h);
        for (int i = 0; i < levels.size(); i++) {
            for (VaeResBlock block : levels.get(i)) {
                h = block.forward(h);
            }
            Conv2d up = upsamples.get(i);
            if (up != null) {
                h = up.forward(Resize.nearest2x(h));
            }
        }
        return convOut.forward(Activations.silu(normOut.forward(h)));
    }
}
