package io.atelier.engine.djl.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Activations;
import io.atelier.engine.djl.nn.Conv2d;
import io.atelier.engine.djl.nn.GroupNorm;
import io.atelier.engine.djl.nn.Linear;
import io.atelier.engine.djl.nn.LoraTarget;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The SD 1.5 U-Net in the LDM single-file layout ({@code model.diffusion_model.*}): {@code time_embed},
 * {@code input_blocks} (conv in, ResBlocks, SpatialTransformers, Downsamples), {@code middle_block},
 * {@code output_blocks} (ResBlocks on the skip-concatenated features, SpatialTransformers, Upsamples) and {@code out}.
 *
 * <p>The structure is read from the checkpoint's keys and shapes (which blocks exist, channel counts, transformer
 * depth, context width), so a tiny checkpoint with SD 1.5's block structure loads the same way as the real one. The
 * head count cannot be read from shapes: SD 1.5 uses 8 heads at every level.
 */
public final class Sd15Unet {

    public static final String PREFIX = "model.diffusion_model";
    public static final int SD15_HEADS = 8;

    private final Linear timeIn;
    private final Linear timeOut;
    private final long modelChannels;
    private final List<List<UnetLayer>> inputBlocks;
    private final List<UnetLayer> middleBlock;
    private final List<List<UnetLayer>> outputBlocks;
    private final GroupNorm outNorm;
    private final Conv2d outConv;
    private final List<SpatialTransformer> transformers;
    private final long contextDim;

    private Sd15Unet(Linear timeIn, Linear timeOut, long modelChannels, List<List<UnetLayer>> inputBlocks,
            List<UnetLayer> middleBlock, List<List<UnetLayer>> outputBlocks, GroupNorm outNorm, Conv2d outConv,
            List<SpatialTransformer> transformers, long contextDim) {
        this.timeIn = timeIn;
        this.timeOut = timeOut;
        this.modelChannels = modelChannels;
        this.inputBlocks = inputBlocks;
        this.middleBlock = middleBlock;
        this.outputBlocks = outputBlocks;
        this.outNorm = outNorm;
        this.outConv = outConv;
        this.transformers = transformers;
        this.contextDim = contextDim;
    }

    /** Loads the U-Net from {@code model.diffusion_model.*} of {@code checkpoint}. */
    public static Sd15Unet load(Weights checkpoint, int heads) throws IOException {
        Weights w = checkpoint.scope(PREFIX);
        long[] convIn = w.shape("input_blocks.0.0.weight");
        long channels = convIn[0];
        long latentChannels = convIn[1];
        long timeDim = w.dim("time_embed.0.weight", 0);
        long contextDim = contextDim(w);
        Linear timeIn = Linear.load(w, "time_embed.0", channels, timeDim, true);
        Linear timeOut = Linear.load(w, "time_embed.2", timeDim, timeDim, true);
        List<SpatialTransformer> transformers = new ArrayList<>();

        List<List<UnetLayer>> input = new ArrayList<>();
        Deque<Long> skipChannels = new ArrayDeque<>();
        input.add(List.of(new ConvIn(Conv2d.load3x3(w, "input_blocks.0.0", latentChannels, channels))));
        skipChannels.push(channels);
        long ch = channels;
        for (int i = 1; w.has("input_blocks." + i + ".0.op.weight") || w.has("input_blocks." + i + ".0.in_layers.0.weight"); i++) {
            Weights block = w.scope("input_blocks." + i);
            List<UnetLayer> layers = new ArrayList<>();
            if (block.has("0.op.weight")) {
                layers.add(Downsample.load(block.scope("0"), ch));
            } else {
                ResBlock res = ResBlock.load(block.scope("0"), ch, timeDim);
                layers.add(res);
                ch = res.outChannels;
                if (block.has("1.proj_in.weight")) {
                    SpatialTransformer st = SpatialTransformer.load(block.scope("1"), ch, contextDim, heads);
                    layers.add(st);
                    transformers.add(st);
                }
            }
            input.add(List.copyOf(layers));
            skipChannels.push(ch);
        }

        Weights mid = w.scope("middle_block");
        ResBlock mid0 = ResBlock.load(mid.scope("0"), ch, timeDim);
        SpatialTransformer midAttention = SpatialTransformer.load(mid.scope("1"), ch, contextDim, heads);
        transformers.add(midAttention);
        ResBlock mid2 = ResBlock.load(mid.scope("2"), ch, timeDim);
        List<UnetLayer> middle = List.of(mid0, midAttention, mid2);

        List<List<UnetLayer>> output = new ArrayList<>();
        for (int i = 0; w.has("output_blocks." + i + ".0.in_layers.0.weight"); i++) {
            Weights block = w.scope("output_blocks." + i);
            if (skipChannels.isEmpty()) {
                throw w.problem("output block '" + block.path() + "' has no matching input block to take its skip "
                        + "connection from (more output blocks than input blocks)");
            }
            List<UnetLayer> layers = new ArrayList<>();
            ResBlock res = ResBlock.load(block.scope("0"), ch + skipChannels.pop(), timeDim);
            layers.add(res);
            ch = res.outChannels;
            int next = 1;
            if (block.has("1.proj_in.weight")) {
                SpatialTransformer st = SpatialTransformer.load(block.scope("1"), ch, contextDim, heads);
                layers.add(st);
                transformers.add(st);
                next = 2;
            }
            if (block.has(next + ".conv.weight")) {
                layers.add(Upsample.load(block.scope(String.valueOf(next)), ch));
            }
            output.add(List.copyOf(layers));
        }
        if (!skipChannels.isEmpty()) {
            throw w.problem("has " + input.size() + " input blocks but only " + output.size() + " output blocks "
                    + "under " + PREFIX + ".output_blocks");
        }
        GroupNorm outNorm = GroupNorm.load(w, "out.0", ch, GroupNorm.SD_GROUPS, 1e-5f);
        Conv2d outConv = Conv2d.load3x3(w, "out.2", ch, latentChannels);
        return new Sd15Unet(timeIn, timeOut, channels, List.copyOf(input), middle, List.copyOf(output), outNorm,
                outConv, List.copyOf(transformers), contextDim);
    }

    /** The cross-attention context width: the in-features of the first transformer's {@code attn2.to_k}. */
    private static long contextDim(Weights w) throws IOException {
        for (int i = 1; w.has("input_blocks." + i + ".0.op.weight") || w.has("input_blocks." + i + ".0.in_layers.0.weight"); i++) {
            String key = "input_blocks." + i + ".1.transformer_blocks.0.attn2.to_k.weight";
            if (w.has(key)) {
                return w.dim(key, 1);
            }
        }
        return w.dim("middle_block.1.transformer_blocks.0.attn2.to_k.weight", 1);
    }

    /**
     * The predicted noise (epsilon).
     *
     * @param latents   {@code [B, 4, H, W]}, H and W divisible by 2^(levels − 1)
     * @param timesteps {@code [B]}, 0–999 (float or integer)
     * @param context   {@code [B, 77, contextDim]}, the text encoder's hidden states
     */
    public NDArray forward(NDArray latents, NDArray timesteps, NDArray context) {
        NDArray t = timesteps.getDataType() == DataType.FLOAT32 ? timesteps : timesteps.toType(DataType.FLOAT32, false);
        NDArray emb = timeOut.forward(Activations.silu(timeIn.forward(TimestepEmbedding.sinusoidal(t, modelChannels))));
        Deque<NDArray> skips = new ArrayDeque<>();
        NDArray h = latents;
        for (List<UnetLayer> block : inputBlocks) {
            h = run(block, h, emb, context);
            skips.push(h);
        }
        h = run(middleBlock, h, emb, context);
        for (List<UnetLayer> block : outputBlocks) {
            h = run(block, h.concat(skips.pop(), 1), emb, context);
        }
        return outConv.forward(Activations.silu(outNorm.forward(h)));
    }

    private static NDArray run(List<UnetLayer> layers, NDArray x, NDArray emb, NDArray context) {
        NDArray h = x;
        for (UnetLayer layer : layers) {
            h = layer.forward(h, emb, context);
        }
        return h;
    }

    /** The LoRA targets (kohya's {@code Transformer2DModel} Linear and 1×1 conv layers), in block order. */
    public List<LoraTarget> loraTargets() {
        List<LoraTarget> targets = new ArrayList<>();
        for (SpatialTransformer st : transformers) {
            targets.addAll(st.loraTargets());
        }
        return targets;
    }

    public long contextDim() {
        return contextDim;
    }

    public long modelChannels() {
        return modelChannels;
    }

    public int inputBlockCount() {
        return inputBlocks.size();
    }

    public int outputBlockCount() {
        return outputBlocks.size();
    }

    public int transformerCount() {
        return transformers.size();
    }

    /** How many times the input is halved: the latent height and width must be divisible by 2 to this power. */
    public int downsamplings() {
        int n = 0;
        for (List<UnetLayer> block : inputBlocks) {
            if (block.get(0) instanceof Downsample) {
                n++;
            }
        }
        return n;
    }
}
