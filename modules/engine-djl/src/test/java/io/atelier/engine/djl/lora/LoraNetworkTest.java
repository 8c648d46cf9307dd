package io.atelier.engine.djl.lora;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.atelier.engine.djl.TinyModel;
import io.atelier.engine.djl.model.Sd15Checkpoint;
import io.atelier.engine.djl.model.Sd15Part;
import io.atelier.engine.djl.nn.LoraTarget;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoraNetworkTest {

    static NDManager manager;
    static Sd15Checkpoint model;

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

    @Test
    void anUntrainedLoraLeavesTheOutputsExactlyUnchanged() {
        try (NDManager step = manager.newSubManager()) {
            NDArray tokens = step.create(new long[]{62, 5, 9, 17, 63, 63, 63, 63}, new Shape(1, 8));
            NDArray latents = step.create(gaussian(new Random(3), 4 * 8 * 8), new Shape(1, 4, 8, 8));
            NDArray t = step.create(new float[]{321});
            float[] baseContext = model.textEncoder().encode(tokens, 2).toFloatArray();
            NDArray context = model.textEncoder().encode(tokens, 2);
            float[] baseEps = model.unet().forward(latents, t, context).toFloatArray();

            try (LoraNetwork lora = LoraNetwork.attach(model.unet(), model.textEncoder(),
                    new LoraConfig(4, 1, 0, false, 7), manager)) {
                NDArray loraContext = model.textEncoder().encode(tokens, 2);
                assertThat(loraContext.toFloatArray()).containsExactly(baseContext);
                assertThat(model.unet().forward(latents, t, loraContext).toFloatArray()).containsExactly(baseEps);
            }
        }
    }

    @Test
    void modulesFollowKohyaShapesInitialisationAndScale() {
        try (LoraNetwork lora = LoraNetwork.attach(model.unet(), model.textEncoder(),
                new LoraConfig(4, 2, 0, false, 7), manager)) {
            assertThat(lora.unetModules()).hasSize(16 * 12);
            assertThat(lora.textModules()).hasSize(2 * 6);
            LoraModule projIn = lora.unetModules().get(0);
            assertThat(projIn.modulePath()).isEqualTo("model.diffusion_model.input_blocks.1.1.proj_in");
            assertThat(projIn.kind()).isEqualTo(LoraTarget.Kind.CONV_1X1);
            assertThat(projIn.down().getShape()).isEqualTo(new Shape(4, 32, 1, 1));
            assertThat(projIn.up().getShape()).isEqualTo(new Shape(32, 4, 1, 1));
            LoraModule toK = lora.unetModules().stream()
                    .filter(m -> m.modulePath().endsWith("middle_block.1.transformer_blocks.0.attn2.to_k"))
                    .findFirst().orElseThrow();
            assertThat(toK.down().getShape()).isEqualTo(new Shape(4, 32)); // [rank, context dim]
            assertThat(toK.up().getShape()).isEqualTo(new Shape(64, 4));
            LoraModule fc2 = lora.textModules().get(5);
            assertThat(fc2.modulePath()).isEqualTo("cond_stage_model.transformer.text_model.encoder.layers.0.mlp.fc2");
            assertThat(fc2.down().getShape()).isEqualTo(new Shape(4, 128));
            // kaiming-uniform(a=√5): |w| ≤ 1/√in, and spread over that range; up is zero
            float bound = (float) (1 / Math.sqrt(128));
            float[] down = fc2.down().toFloatArray();
            float max = 0;
            for (float v : down) {
                max = Math.max(max, Math.abs(v));
            }
            assertThat(max).isLessThanOrEqualTo(bound).isGreaterThan(bound * 0.9f);
            assertThat(fc2.up().toFloatArray()).containsOnly(0f);
            assertThat(fc2.scale()).isEqualTo(0.5f);
            assertThat(lora.parameters(lora.modules())).containsKey(
                    "cond_stage_model.transformer.text_model.encoder.layers.0.mlp.fc2.lora_down.weight");
        }
    }

    @Test
    void unetOnlyHasNoTextEncoderModulesAndTheSameSeedGivesTheSameWeights() {
        float[] first;
        try (LoraNetwork a = LoraNetwork.attach(model.unet(), null, new LoraConfig(2, 1, 0.1f, true, 11), manager)) {
            assertThat(a.textModules()).isEmpty();
            assertThat(a.unetModules()).hasSize(192);
            first = a.unetModules().get(5).down().toFloatArray();
        }
        try (LoraNetwork b = LoraNetwork.attach(model.unet(), null, new LoraConfig(2, 1, 0.1f, true, 11), manager)) {
            assertThat(b.unetModules().get(5).down().toFloatArray()).containsExactly(first);
        }
    }

    @Test
    void aTrainedModuleAddsScaleTimesUpDownX() {
        LoraTarget target = model.textEncoder().loraTargets().get(0);
        try (LoraNetwork lora = LoraNetwork.attach(model.unet(), model.textEncoder(),
                new LoraConfig(2, 4, 0, false, 5), manager);
             NDManager step = manager.newSubManager()) {
            LoraModule m = lora.textModules().get(0);
            m.up().set(step.ones(m.up().getShape()).mul(0.5f).toFloatArray());
            NDArray x = step.create(gaussian(new Random(1), 3 * 32), new Shape(3, 32));
            NDArray expected = x.matMul(m.down().transpose()).matMul(m.up().transpose()).mul(2f);
            NDArray actual = m.apply(x);
            assertThat(actual.sub(expected).abs().max().getFloat()).isLessThan(1e-5f);
            assertThat(target.modulePath()).isEqualTo(m.modulePath());
        }
    }

    static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
