package io.atelier.engine.djl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.atelier.testfixtures.sd15.TestCheckpoints;
import io.atelier.testfixtures.sd15.TestSafetensors;
import io.atelier.testfixtures.sd15.TestSafetensors.Dtype;
import io.atelier.engine.djl.checkpoint.CheckpointException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a tiny SD 1.5-structured checkpoint, running each network, and refusing what is not SD 1.5. */
class Sd15CheckpointTest {

    static final Sd15Heads TINY_HEADS = new Sd15Heads(8, 4);
    static final TestCheckpoints.Spec SPEC = TestCheckpoints.Spec.tiny(64);

    @TempDir
    static Path dir;
    static Path file;
    static NDManager manager;

    @BeforeAll
    static void writeCheckpoint() throws Exception {
        file = TestCheckpoints.writeSd15(dir.resolve("tiny-sd15.safetensors"), SPEC, 1);
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void loadsEveryPartWithTheStructureReadFromTheKeys() throws Exception {
        try (Sd15Checkpoint ckpt = Sd15Checkpoint.load(file, manager, TINY_HEADS, EnumSet.allOf(Sd15Part.class))) {
            assertThat(ckpt.unet().modelChannels()).isEqualTo(32);
            assertThat(ckpt.unet().contextDim()).isEqualTo(32);
            assertThat(ckpt.unet().inputBlockCount()).isEqualTo(12); // as SD 1.5: conv_in + 4×2 res + 3 downsamples
            assertThat(ckpt.unet().outputBlockCount()).isEqualTo(12);
            assertThat(ckpt.unet().transformerCount()).isEqualTo(16); // 6 in, 1 mid, 9 out, as SD 1.5
            assertThat(ckpt.unet().loraTargets()).hasSize(16 * 12);
            assertThat(ckpt.unet().loraTargets().get(0).modulePath())
                    .isEqualTo("model.diffusion_model.input_blocks.1.1.proj_in");
            assertThat(ckpt.textEncoder().layerCount()).isEqualTo(2);
            assertThat(ckpt.textEncoder().loraTargets()).hasSize(2 * 6);
            assertThat(ckpt.textEncoder().loraTargets().get(0).modulePath())
                    .isEqualTo("cond_stage_model.transformer.text_model.encoder.layers.0.self_attn.q_proj");

            try (NDManager step = manager.newSubManager()) {
                NDArray tokens = step.create(new long[2 * 77], new Shape(2, 77));
                NDArray context = ckpt.textEncoder().encode(tokens, 1);
                assertThat(context.getShape()).isEqualTo(new Shape(2, 77, 32));
                NDArray latents = step.randomNormal(new Shape(2, 4, 8, 8));
                NDArray eps = ckpt.unet().forward(latents, step.create(new float[]{10, 500}), context);
                assertThat(eps.getShape()).isEqualTo(new Shape(2, 4, 8, 8));
                assertThat(finite(eps)).isTrue();

                NDArray images = step.randomUniform(-1, 1, new Shape(1, 3, 16, 16));
                NDArray z = ckpt.vaeEncoder().latents(images, null);
                assertThat(z.getShape()).isEqualTo(new Shape(1, 4, 2, 2));
                NDArray decoded = ckpt.vaeDecoder().decode(z);
                assertThat(decoded.getShape()).isEqualTo(new Shape(1, 3, 16, 16));
                assertThat(finite(decoded)).isTrue();
            }
        }
    }

    @Test
    void clipSkipTwoIsThePenultimateLayerThroughTheFinalNorm() throws Exception {
        try (Sd15Checkpoint ckpt = Sd15Checkpoint.load(file, manager, TINY_HEADS, EnumSet.of(Sd15Part.TEXT_ENCODER));
             NDManager step = manager.newSubManager()) {
            NDArray tokens = step.create(new long[]{62, 5, 9, 63, 63}, new Shape(1, 5));
            NDArray last = ckpt.textEncoder().encode(tokens, 1);
            NDArray penultimate = ckpt.textEncoder().encode(tokens, 2);
            assertThat(penultimate.getShape()).isEqualTo(new Shape(1, 5, 32));
            assertThat(last.sub(penultimate).abs().max().getFloat()).isGreaterThan(1e-3f);
            // causal: the first token's state does not depend on the tokens after it
            NDArray other = ckpt.textEncoder().encode(step.create(new long[]{62, 7, 7, 7, 7}, new Shape(1, 5)), 1);
            assertThat(other.get("0, 0, :").toFloatArray()).containsExactly(last.get("0, 0, :").toFloatArray());
            assertThatThrownBy(() -> ckpt.textEncoder().encode(tokens, 3)).hasMessageContaining("clip skip 3");
        }
    }

    @Test
    void loadsHalfPrecisionWeightsWidened() throws Exception {
        // the text encoder is stored F16 and the VAE BF16: the loaded values are the stored ones, exactly
        TestSafetensors fixture = TestCheckpoints.sd15(SPEC, 1);
        String key = "cond_stage_model.transformer.text_model.final_layer_norm.weight";
        try (var tensors = io.atelier.engine.djl.checkpoint.CheckpointTensors.open(file)) {
            float[] stored = fixture.tensors().get(key).values();
            float[] loaded = tensors.readFloats(key);
            for (int i = 0; i < stored.length; i++) {
                assertThat(loaded[i]).isCloseTo(stored[i], org.assertj.core.data.Offset.offset(Math.abs(stored[i]) / 1024));
            }
            String vaeKey = "first_stage_model.decoder.norm_out.weight";
            float[] vaeStored = fixture.tensors().get(vaeKey).values();
            float[] vaeLoaded = tensors.readFloats(vaeKey);
            for (int i = 0; i < vaeStored.length; i++) {
                assertThat(vaeLoaded[i]).isEqualTo(Float.intBitsToFloat(Float.floatToIntBits(vaeStored[i]) & 0xffff0000));
            }
        }
    }

    @Test
    void aWrongShapeNamesTheKeyAndBothShapes(@TempDir Path tmp) throws Exception {
        TestSafetensors fixture = TestCheckpoints.sd15(SPEC, 1);
        String key = "model.diffusion_model.middle_block.1.transformer_blocks.0.attn2.to_v.weight";
        fixture.put(key, Dtype.F32, new long[]{64, 31}, new float[64 * 31]);
        Path bad = tmp.resolve("bad.safetensors");
        fixture.write(bad);
        assertThatThrownBy(() -> Sd15Checkpoint.load(bad, manager, TINY_HEADS, EnumSet.of(Sd15Part.UNET)))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("[64, 31]")
                .hasMessageContaining("expected [64, 32]");
    }

    @Test
    void missingWeightsAreReportedTogether(@TempDir Path tmp) throws Exception {
        TestSafetensors fixture = TestCheckpoints.sd15(SPEC, 1);
        fixture.tensors().remove("model.diffusion_model.out.2.bias");
        fixture.tensors().remove("model.diffusion_model.input_blocks.4.1.transformer_blocks.0.norm3.weight");
        Path bad = tmp.resolve("missing.safetensors");
        fixture.write(bad);
        assertThatThrownBy(() -> Sd15Checkpoint.load(bad, manager, TINY_HEADS, EnumSet.allOf(Sd15Part.class)))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("missing 2 weights")
                .hasMessageContaining("model.diffusion_model.out.2.bias")
                .hasMessageContaining("model.diffusion_model.input_blocks.4.1.transformer_blocks.0.norm3.weight");
    }

    @Test
    void anSdxlCheckpointIsRefusedNamingTheFamily(@TempDir Path tmp) throws Exception {
        Path sdxl = tmp.resolve("sd_xl_base_1.0.safetensors");
        new TestSafetensors()
                .put("model.diffusion_model.input_blocks.0.0.weight", Dtype.F32, new long[]{320, 4, 3, 3}, new float[320 * 36])
                .put("conditioner.embedders.0.transformer.text_model.final_layer_norm.weight", Dtype.BF16, new long[]{4}, new float[4])
                .put("conditioner.embedders.1.model.ln_final.weight", Dtype.BF16, new long[]{4}, new float[4])
                .write(sdxl);
        assertThatThrownBy(() -> Sd15Checkpoint.load(sdxl, manager))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("is an SDXL checkpoint")
                .hasMessageContaining("SD 1.5 checkpoints only");
    }

    @Test
    void anSd2CheckpointIsRefusedNamingTheFamily(@TempDir Path tmp) throws Exception {
        Path sd2 = tmp.resolve("v2-1_768-ema-pruned.safetensors");
        new TestSafetensors()
                .put("model.diffusion_model.input_blocks.0.0.weight", Dtype.F32, new long[]{320, 4, 3, 3}, new float[320 * 36])
                .put("cond_stage_model.model.ln_final.weight", Dtype.F32, new long[]{4}, new float[4])
                .write(sd2);
        assertThatThrownBy(() -> Sd15Checkpoint.load(sd2, manager))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("Stable Diffusion 2.x")
                .hasMessageContaining("SD 1.5 checkpoints only");
    }

    static boolean finite(NDArray a) {
        for (float v : a.toFloatArray()) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
