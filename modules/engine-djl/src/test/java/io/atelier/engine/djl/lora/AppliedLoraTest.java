package io.atelier.engine.djl.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.atelier.core.lora.LoraFileWriter;
import io.atelier.core.lora.Sd15LoraNames;
import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.core.safetensors.SafetensorsWriter;
import io.atelier.engine.djl.TinyModel;
import io.atelier.engine.djl.checkpoint.CheckpointException;
import io.atelier.engine.djl.model.Sd15Checkpoint;
import io.atelier.engine.djl.model.Sd15Part;
import io.atelier.engine.djl.training.NoGrad;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A LoRA file written the kohya way, applied to a freshly loaded model, gives the outputs of the network it saved. */
class AppliedLoraTest {

    static NDManager manager;
    /** The saved network's weights by module path: down, up, alpha. */
    static final Map<String, float[][]> SAVED = new HashMap<>();
    static Sd15Checkpoint model;
    @TempDir
    static Path dir;

    @BeforeAll
    static void load() throws Exception {
        manager = NDManager.newBaseManager();
        model = TinyModel.load(manager, Sd15Part.UNET, Sd15Part.TEXT_ENCODER);
    }

    @AfterAll
    static void close() {
        model.close();
        manager.close();
    }

    /** U-Net output for fixed inputs, with the text encoder's (LoRA'd) hidden states. */
    private static float[] outputs() {
        try (NDManager m = manager.newSubManager()) {
            NDArray tokens = m.create(new long[]{62, 5, 9, 17, 63, 63, 63, 63}, new Shape(1, 8));
            NDArray latents = m.create(gaussian(new Random(3), 4 * 8 * 8), new Shape(1, 4, 8, 8));
            return NoGrad.get(() -> model.unet().forward(latents, m.create(new float[]{321}),
                    model.textEncoder().encode(tokens, 1)).toFloatArray());
        }
    }

    private static void assertClose(float[] actual, float[] expected, float tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("output %d", i).isCloseTo(expected[i], Offset.offset(tolerance));
        }
    }

    private static float[] gaussian(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    /** A network with non-zero up weights (as after training), saved in kohya's layout at {@code precision}. */
    private static float[] saveTrainedLookingNetwork(Path file, SafetensorsDtype precision) throws Exception {
        try (LoraNetwork lora = LoraNetwork.attach(model.unet(), model.textEncoder(),
                new LoraConfig(4, 2, 0, false, 9), manager)) {
            Random r = new Random(5);
            NoGrad.run(() -> lora.modules().forEach(mod -> mod.up().set(FloatBuffer.wrap(
                    gaussian(r, Math.toIntExact(mod.up().size()))))));
            float[] expected = outputs();
            lora.modules().forEach(mod -> SAVED.put(mod.modulePath(),
                    new float[][]{mod.down().toFloatArray(), mod.up().toFloatArray(), {mod.alpha()}}));
            LoraFileWriter writer = new LoraFileWriter(precision);
            for (LoraModule mod : lora.modules()) {
                writer.module(Sd15LoraNames.kohyaName(mod.modulePath()).orElseThrow(), mod.down().toFloatArray(),
                        mod.down().getShape().getShape(), mod.up().toFloatArray(), mod.up().getShape().getShape(),
                        mod.alpha());
            }
            writer.write(file, Map.of());
            return expected;
        }
    }

    @Test
    void aSavedNetworkAppliedToTheModelGivesTheSameOutputsAndStrengthScalesIt() throws Exception {
        float[] base = outputs();
        Path file = dir.resolve("f32.safetensors");
        float[] trained = saveTrainedLookingNetwork(file, SafetensorsDtype.F32);
        assertThat(trained).isNotEqualTo(base);
        assertThat(outputs()).containsExactly(base); // closing the network detached it

        try (AppliedLora lora = AppliedLora.apply(file, model.unet(), model.textEncoder(), 1f, manager)) {
            assertThat(lora.modules()).hasSize(16 * 12 + 2 * 6);
            for (LoraModule mod : lora.modules()) {
                float[][] saved = SAVED.get(mod.modulePath());
                assertThat(mod.down().toFloatArray()).containsExactly(saved[0]);
                assertThat(mod.up().toFloatArray()).containsExactly(saved[1]);
                assertThat(mod.alpha()).isEqualTo(saved[2][0]);
            }
            // the same weights; PyTorch's matmul folds batch dimensions differently when a weight requires a gradient
            // (as the trained network's do), which moves the last bits
            assertClose(outputs(), trained, 1e-5f);
        }
        assertThat(outputs()).containsExactly(base);
        try (AppliedLora lora = AppliedLora.apply(file, model.unet(), model.textEncoder(), 0f, manager)) {
            assertThat(outputs()).containsExactly(base);
        }
    }

    @Test
    void anFp16FileGivesNearlyTheSameOutputs() throws Exception {
        Path file = dir.resolve("f16.safetensors");
        float[] trained = saveTrainedLookingNetwork(file, SafetensorsDtype.F16);
        try (AppliedLora lora = AppliedLora.apply(file, model.unet(), model.textEncoder(), 1f, manager)) {
            assertClose(outputs(), trained, 2e-2f);
        }
    }

    @Test
    void filesTheModelCannotTakeAreRefusedNamingTheFileAndWhy() throws Exception {
        float[] base = outputs();
        Path sdxl = dir.resolve("sdxl.safetensors");
        new LoraFileWriter(SafetensorsDtype.F16).module("lora_te1_text_model_encoder_layers_0_self_attn_q_proj",
                new float[4 * 32], new long[]{4, 32}, new float[32 * 4], new long[]{32, 4}, 4).write(sdxl, Map.of());
        assertThatThrownBy(() -> AppliedLora.apply(sdxl, model.unet(), model.textEncoder(), 1, manager))
                .isInstanceOf(CheckpointException.class).hasMessageContaining(sdxl.toString())
                .hasMessageContaining("SDXL");

        Path loha = dir.resolve("loha.safetensors");
        new SafetensorsWriter().add("lora_unet_mid_block_attentions_0_proj_in.hada_w1_a", SafetensorsDtype.F16,
                new long[]{2, 2}, new float[4]).write(loha);
        assertThatThrownBy(() -> AppliedLora.apply(loha, model.unet(), model.textEncoder(), 1, manager))
                .hasMessageContaining(loha.toString()).hasMessageContaining("LoHa");

        Path wrongShape = dir.resolve("shape.safetensors");
        new LoraFileWriter(SafetensorsDtype.F16).module("lora_unet_mid_block_attentions_0_proj_in",
                new float[4 * 7], new long[]{4, 7}, new float[64 * 4], new long[]{64, 4}, 4).write(wrongShape, Map.of());
        assertThatThrownBy(() -> AppliedLora.apply(wrongShape, model.unet(), model.textEncoder(), 1, manager))
                .hasMessageContaining("do not fit").hasMessageContaining("middle_block.1.proj_in");
        assertThat(outputs()).containsExactly(base); // a refused file leaves nothing attached

        Path pickle = Files.writeString(dir.resolve("old.ckpt"), "not opened");
        assertThatThrownBy(() -> AppliedLora.apply(pickle, model.unet(), model.textEncoder(), 1, manager))
                .hasMessageContaining(pickle.toString()).hasMessageContaining("pickle");
    }
}
