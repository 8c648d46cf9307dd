package io.atelier.engine.djl.model.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Activations;
import io.atelier.engine.djl.nn.Conv2d;
import io.atelier.engine.djl.nn.GroupNorm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SD VAE encoder, {@code first_stage_model.encoder} plus {@code quant_conv}: conv_in, per level ResnetBlocks and a
 * stride-2 downsample (padded right and bottom by one, as LDM does), the mid block, norm_out, SiLU, conv_out to mean
 * and log-variance. Levels and blocks per level are read from the keys.
 */
public final class VaeEncoder {

    public static final String PREFIX = "first_stage_model";
    /** SD 1.5's latent scale: the U-Net sees {@code latents × 0.18215}. */
    public static final float SCALE_FACTOR = 0.18215f;

    private final Conv2d convIn;
    private final List<List<VaeResBlock>> levels;
    private final List<Conv2d> downsamples;
    private final VaeMid mid;
    private final GroupNorm normOut;
    private final Conv2d convOut;
    private final Conv2d quantConv;

    private VaeEncoder(Conv2d convIn, List<List<VaeResBlock>> levels, List<Conv2d> downsamples, VaeMid mid,
            GroupNorm normOut, Conv2d convOut, Conv2d quantConv) {
        this.convIn = convIn;
        this.levels = levels;
        this.downsamples = downsamples;
        this.mid = mid;
        this.normOut = normOut;
        this.convOut = convOut;
        this.quantConv = quantConv;
    }

    public static VaeEncoder load(Weights checkpoint) throws IOException {
        Weights vae = checkpoint.scope(PREFIX);
        Weights w = vae.scope("encoder");
        long[] convInShape = w.shape("conv_in.weight");
        long ch = convInShape[0];
        Conv2d convIn = Conv2d.load3x3(w, "conv_in", convInShape[1], ch);
        List<List<VaeResBlock>> levels = new ArrayList<>();
        List<Conv2d> downsamples = new ArrayList<>();
        for (int i = 0; w.has("down." + i + ".block.0.conv1.weight"); i++) {
            List<VaeResBlock> blocks = new ArrayList<>();
            for (int j = 0; w.has("down." + i + ".block." + j + ".conv1.weight"); j++) {
                VaeResBlock block = VaeResBlock.load(w.scope("down." + i + ".block." + j), ch);
                blocks.add(block);
                ch = block.outChannels;
            }
            levels.add(List.copyOf(blocks));
            String down = "down." + i + ".downsample.conv";
            downsamples.add(w.has(down + ".weight") ? Conv2d.load(w, down, ch, ch, 3, 2, 0) : null);
        }
        VaeMid mid = VaeMid.load(w.scope("mid"), ch);
        GroupNorm normOut = GroupNorm.load(w, "norm_out", ch, GroupNorm.SD_GROUPS, VaeResBlock.EPS);
        long moments = w.dim("conv_out.weight", 0);
        Conv2d convOut = Conv2d.load3x3(w, "conv_out", ch, moments);
        Conv2d quantConv = Conv2d.load1x1(vae, "quant_conv", moments, moments);
        return new VaeEncoder(convIn, List.copyOf(levels), java.util.Collections.unmodifiableList(downsamples), mid,
                normOut, convOut, quantConv);
    }

    /** The latent distribution of {@code images} {@code [B, 3, H, W]} in [-1, 1]. */
    public LatentDistribution encode(NDArray images) {
        NDArray h = convIn.forward(images);
        for (int i = 0; i < levels.size(); i++) {
            for (VaeResBlock block : levels.get(i)) {
                h = block.forward(h);
            }
            Conv2d down = downsamples.get(i);
            if (down != null) {
                // LDM pads (0, 1, 0, 1) before its unpadded stride-2 conv: one column right, one row below
                h = down.forward(h.pad(new ai.djl.ndarray.types.Shape(0, 1, 0, 1), 0));
            }
        }
        h = convOut.forward(Activations.silu(normOut.forward(mid.forward(h))));
        NDList parts = quantConv.forward(h).split(2, 1);
        return new LatentDistribution(parts.get(0), parts.get(1).clip(-30f, 20f));
    }

    /** The scaled latents the U-Net trains on: {@code (mean + σ·noise) × 0.18215}; a null noise takes the mean. */
    public NDArray latents(NDArray images, NDArray noise) {
        LatentDistribution d = encode(images);
        return (noise == null ? d.mean() : d.sample(noise)).mul(SCALE_FACTOR);
    }
}
