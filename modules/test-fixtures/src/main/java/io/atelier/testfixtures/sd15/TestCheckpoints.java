package io.atelier.testfixtures.sd15;

import io.atelier.testfixtures.sd15.TestSafetensors.Dtype;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;

/**
 * Writes tiny checkpoints in the real SD 1.5 single-file key layout: the LDM U-Net with SD 1.5's block structure
 * (4 levels, 2 ResBlocks each, transformers on levels 0–2, skip-concatenating output blocks, 8 heads), the LDM VAE
 * (4 levels) and CLIP's text transformer in the Hugging Face layout, only with small widths. Like real files, the
 * U-Net is F32, the text encoder F16 and the VAE BF16, and non-weight entries ({@code alphas_cumprod},
 * {@code position_ids}) are present. Values are seeded, scaled by 1/√fan-in so activations stay sane.
 */
public final class TestCheckpoints {

    /** The tiny architecture. */
    public record Spec(int modelChannels, int[] channelMult, int resBlocks, Set<Integer> attentionLevels,
            int transformerDepth, int textDim, int textLayers, int textHeads, int vocabSize, int positions,
            int vaeChannels, int[] vaeMult, int vaeResBlocks) {

        /** U-Net 32/32/64/64 channels, context 32, 2 text layers of width 32, VAE 32/32/64/64: a few seconds on a CPU. */
        public static Spec tiny(int vocabSize) {
            return new Spec(32, new int[]{1, 1, 2, 2}, 2, Set.of(0, 1, 2), 1, 32, 2, 4, vocabSize, 77,
                    32, new int[]{1, 1, 2, 2}, 1);
        }

        /** Two levels of one ResBlock each, both with transformers: the same block kinds at less than half the cost. */
        public static Spec twoLevel(int vocabSize) {
            return new Spec(32, new int[]{1, 2}, 1, Set.of(0, 1), 1, 32, 2, 4, vocabSize, 77,
                    32, new int[]{1, 2}, 1);
        }

        /**
         * SD 1.5's real sizes (v1-inference.yaml and CLIP ViT-L/14): U-Net 320/640/1280/1280 channels, 2 ResBlocks a
         * level, one transformer on levels 0–2 and in the middle, cross-attention context 768 (8 heads at run time);
         * text encoder 12 layers of width 768, 12 heads, vocabulary 49408, 77 positions; VAE 128/256/512/512, 2
         * ResBlocks a level. About 1.07 billion weights: write it with {@link #writeSd15Generated}.
         */
        public static Spec sd15Full() {
            return new Spec(320, new int[]{1, 2, 4, 4}, 2, Set.of(0, 1, 2), 1, 768, 12, 12, 49408, 77,
                    128, new int[]{1, 2, 4, 4}, 2);
        }
    }

    private final Spec spec;
    private final Random random;
    private final TestSafetensors out = new TestSafetensors();
    /** Generated tensors: each made from its own seed when written, none held in memory. */
    private final boolean generated;
    private final long seed;

    private TestCheckpoints(Spec spec, long seed, boolean generated) {
        this.spec = spec;
        this.random = new Random(seed);
        this.seed = seed;
        this.generated = generated;
    }

    public static TestSafetensors sd15(Spec spec, long seed) {
        return build(new TestCheckpoints(spec, seed, false));
    }

    private static TestSafetensors build(TestCheckpoints c) {
        c.unet();
        c.vae();
        c.text();
        c.out.put("alphas_cumprod", Dtype.F32, new long[]{1000}, new float[1000]);
        return c.out;
    }

    public static Path writeSd15(Path file, Spec spec, long seed) throws IOException {
        sd15(spec, seed).write(file);
        return file;
    }

    /**
     * The same layout, dtypes and value scales, but every tensor generated from its own seed (the checkpoint seed and
     * its name) while the file is written, so memory holds one tensor at a time: for full-size checkpoints. The values
     * differ from {@link #writeSd15}'s for the same seed.
     */
    public static Path writeSd15Generated(Path file, Spec spec, long seed) throws IOException {
        build(new TestCheckpoints(spec, seed, true)).write(file);
        return file;
    }

    // ---- U-Net (openaimodel.UNetModel with SD 1.5's configuration) ----

    private void unet() {
        String p = "model.diffusion_model.";
        int mc = spec.modelChannels;
        int timeDim = mc * 4;
        linear(p + "time_embed.0", mc, timeDim, true, Dtype.F32);
        linear(p + "time_embed.2", timeDim, timeDim, true, Dtype.F32);
        conv(p + "input_blocks.0.0", 4, mc, 3, Dtype.F32);
        java.util.ArrayDeque<Integer> skips = new java.util.ArrayDeque<>();
        skips.push(mc);
        int ch = mc;
        int block = 1;
        int levels = spec.channelMult.length;
        for (int level = 0; level < levels; level++) {
            for (int r = 0; r < spec.resBlocks; r++) {
                int out = mc * spec.channelMult[level];
                resBlock(p + "input_blocks." + block + ".0", ch, out, timeDim);
                ch = out;
                if (spec.attentionLevels.contains(level)) {
                    transformer(p + "input_blocks." + block + ".1", ch);
                }
                skips.push(ch);
                block++;
            }
            if (level != levels - 1) {
                conv(p + "input_blocks." + block + ".0.op", ch, ch, 3, Dtype.F32);
                skips.push(ch);
                block++;
            }
        }
        resBlock(p + "middle_block.0", ch, ch, timeDim);
        transformer(p + "middle_block.1", ch);
        resBlock(p + "middle_block.2", ch, ch, timeDim);
        block = 0;
        for (int level = levels - 1; level >= 0; level--) {
            for (int i = 0; i <= spec.resBlocks; i++) {
                int out = mc * spec.channelMult[level];
                resBlock(p + "output_blocks." + block + ".0", ch + skips.pop(), out, timeDim);
                ch = out;
                int next = 1;
                if (spec.attentionLevels.contains(level)) {
                    transformer(p + "output_blocks." + block + ".1", ch);
                    next = 2;
                }
                if (level != 0 && i == spec.resBlocks) {
                    conv(p + "output_blocks." + block + "." + next + ".conv", ch, ch, 3, Dtype.F32);
                }
                block++;
            }
        }
        norm(p + "out.0", ch, Dtype.F32);
        conv(p + "out.2", ch, 4, 3, Dtype.F32);
    }

    private void resBlock(String p, int in, int out, int timeDim) {
        norm(p + ".in_layers.0", in, Dtype.F32);
        conv(p + ".in_layers.2", in, out, 3, Dtype.F32);
        linear(p + ".emb_layers.1", timeDim, out, true, Dtype.F32);
        norm(p + ".out_layers.0", out, Dtype.F32);
        conv(p + ".out_layers.3", out, out, 3, Dtype.F32);
        if (in != out) {
            conv(p + ".skip_connection", in, out, 1, Dtype.F32);
        }
    }

    private void transformer(String p, int ch) {
        norm(p + ".norm", ch, Dtype.F32);
        conv(p + ".proj_in", ch, ch, 1, Dtype.F32);
        for (int d = 0; d < spec.transformerDepth; d++) {
            String b = p + ".transformer_blocks." + d;
            for (String attn : new String[]{"attn1", "attn2"}) {
                int kv = attn.equals("attn1") ? ch : spec.textDim;
                linear(b + "." + attn + ".to_q", ch, ch, false, Dtype.F32);
                linear(b + "." + attn + ".to_k", kv, ch, false, Dtype.F32);
                linear(b + "." + attn + ".to_v", kv, ch, false, Dtype.F32);
                linear(b + "." + attn + ".to_out.0", ch, ch, true, Dtype.F32);
            }
            norm(b + ".norm1", ch, Dtype.F32);
            norm(b + ".norm2", ch, Dtype.F32);
            norm(b + ".norm3", ch, Dtype.F32);
            linear(b + ".ff.net.0.proj", ch, ch * 4 * 2, true, Dtype.F32);
            linear(b + ".ff.net.2", ch * 4, ch, true, Dtype.F32);
        }
        conv(p + ".proj_out", ch, ch, 1, Dtype.F32);
    }

    // ---- VAE (ldm AutoencoderKL) ----

    private void vae() {
        String p = "first_stage_model.";
        int ch = spec.vaeChannels;
        int[] mult = spec.vaeMult;
        int levels = mult.length;
        conv(p + "encoder.conv_in", 3, ch, 3, Dtype.BF16);
        int blockIn = ch;
        for (int i = 0; i < levels; i++) {
            int blockOut = ch * mult[i];
            for (int j = 0; j < spec.vaeResBlocks; j++) {
                vaeResBlock(p + "encoder.down." + i + ".block." + j, blockIn, blockOut);
                blockIn = blockOut;
            }
            if (i != levels - 1) {
                conv(p + "encoder.down." + i + ".downsample.conv", blockIn, blockIn, 3, Dtype.BF16);
            }
        }
        vaeMid(p + "encoder.mid", blockIn);
        norm(p + "encoder.norm_out", blockIn, Dtype.BF16);
        conv(p + "encoder.conv_out", blockIn, 8, 3, Dtype.BF16);
        conv(p + "quant_conv", 8, 8, 1, Dtype.BF16);
        conv(p + "post_quant_conv", 4, 4, 1, Dtype.BF16);
        blockIn = ch * mult[levels - 1];
        conv(p + "decoder.conv_in", 4, blockIn, 3, Dtype.BF16);
        vaeMid(p + "decoder.mid", blockIn);
        for (int i = levels - 1; i >= 0; i--) {
            int blockOut = ch * mult[i];
            for (int j = 0; j <= spec.vaeResBlocks; j++) {
                vaeResBlock(p + "decoder.up." + i + ".block." + j, blockIn, blockOut);
                blockIn = blockOut;
            }
            if (i != 0) {
                conv(p + "decoder.up." + i + ".upsample.conv", blockIn, blockIn, 3, Dtype.BF16);
            }
        }
        norm(p + "decoder.norm_out", blockIn, Dtype.BF16);
        conv(p + "decoder.conv_out", blockIn, 3, 3, Dtype.BF16);
    }

    private void vaeResBlock(String p, int in, int out) {
        norm(p + ".norm1", in, Dtype.BF16);
        conv(p + ".conv1", in, out, 3, Dtype.BF16);
        norm(p + ".norm2", out, Dtype.BF16);
        conv(p + ".conv2", out, out, 3, Dtype.BF16);
        if (in != out) {
            conv(p + ".nin_shortcut", in, out, 1, Dtype.BF16);
        }
    }

    private void vaeMid(String p, int ch) {
        vaeResBlock(p + ".block_1", ch, ch);
        norm(p + ".attn_1.norm", ch, Dtype.BF16);
        for (String n : new String[]{"q", "k", "v", "proj_out"}) {
            conv(p + ".attn_1." + n, ch, ch, 1, Dtype.BF16);
        }
        vaeResBlock(p + ".block_2", ch, ch);
    }

    // ---- CLIP text transformer (Hugging Face CLIPTextModel) ----

    private void text() {
        String p = "cond_stage_model.transformer.text_model.";
        int d = spec.textDim;
        put(p + "embeddings.token_embedding.weight", Dtype.F16, 0.02f, 0, spec.vocabSize, d);
        put(p + "embeddings.position_embedding.weight", Dtype.F16, 0.01f, 0, spec.positions, d);
        float[] ids = new float[spec.positions];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        out.put(p + "embeddings.position_ids", Dtype.I64, new long[]{1, spec.positions}, ids);
        for (int l = 0; l < spec.textLayers; l++) {
            String b = p + "encoder.layers." + l;
            for (String proj : new String[]{"q_proj", "k_proj", "v_proj", "out_proj"}) {
                linear(b + ".self_attn." + proj, d, d, true, Dtype.F16);
            }
            norm(b + ".layer_norm1", d, Dtype.F16);
            norm(b + ".layer_norm2", d, Dtype.F16);
            linear(b + ".mlp.fc1", d, d * 4, true, Dtype.F16);
            linear(b + ".mlp.fc2", d * 4, d, true, Dtype.F16);
        }
        norm(p + "final_layer_norm", d, Dtype.F16);
    }

    // ---- tensors ----

    private void linear(String name, int in, int out, boolean bias, Dtype dtype) {
        put(name + ".weight", dtype, (float) (1 / Math.sqrt(in)), 0, out, in);
        if (bias) {
            put(name + ".bias", dtype, 0.02f, 0, out);
        }
    }

    private void conv(String name, int in, int out, int k, Dtype dtype) {
        put(name + ".weight", dtype, (float) (1 / Math.sqrt(in * k * k)), 0, out, in, k, k);
        put(name + ".bias", dtype, 0.02f, 0, out);
    }

    private void norm(String name, int channels, Dtype dtype) {
        put(name + ".weight", dtype, 0.1f, 1, channels);
        put(name + ".bias", dtype, 0.02f, 0, channels);
    }

    private void put(String name, Dtype dtype, float std, float mean, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (generated) {
            long tensorSeed = seed * 1_000_003L + name.hashCode();
            int count = Math.toIntExact(n);
            out.putGenerated(name, dtype, shape, () -> {
                java.util.SplittableRandom r = new java.util.SplittableRandom(tensorSeed);
                float[] values = new float[count];
                for (int i = 0; i < count; i++) {
                    values[i] = mean + (float) r.nextGaussian() * std;
                }
                return values;
            });
            return;
        }
        float[] values = new float[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = mean + (float) random.nextGaussian() * std;
        }
        out.put(name, dtype, shape, values);
    }
}
