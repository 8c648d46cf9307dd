package io.atelier.engine.djl.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.atelier.core.diffusion.NoiseSchedule;
import io.atelier.engine.djl.TinyModel;
import io.atelier.engine.djl.lora.LoraConfig;
import io.atelier.engine.djl.lora.LoraNetwork;
import io.atelier.engine.djl.model.Sd15Checkpoint;
import io.atelier.engine.djl.model.Sd15Part;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A short LoRA training on the tiny model: epsilon-prediction MSE on a fixed tiny dataset (two latents, two prompts),
 * AdamW on the LoRA weights only. The loss is measured on fixed (timestep, noise) probes before and after, so the
 * comparison is not at the mercy of which timesteps the steps drew.
 */
class LoraTrainerTest {

    static final int STEPS = 30;
    static final int REPEATED_STEPS = 6;
    static NDManager manager;
    static Sd15Checkpoint model;

    @BeforeAll
    static void load() throws Exception {
        manager = NDManager.newBaseManager();
        model = TinyModel.load(TinyModel.TWO_LEVEL, manager, Sd15Part.UNET, Sd15Part.TEXT_ENCODER);
    }

    @AfterAll
    static void close() {
        model.close();
        manager.close();
    }

    @Test
    void aShortTrainingLowersTheLossAndTheSameSeedRepeatsIt() {
        float[][] first = train(42, false, STEPS);
        float[][] second = train(42, false, REPEATED_STEPS);
        float[] probeBefore = first[0];
        float[] probeAfter = first[1];
        assertThat(mean(probeAfter)).as("probe loss before %s, after %s", Arrays.toString(probeBefore),
                Arrays.toString(probeAfter)).isLessThan(mean(probeBefore) * 0.9f);
        System.out.printf("U-Net LoRA: probe loss %s → %s; step losses %s%n", Arrays.toString(probeBefore),
                Arrays.toString(probeAfter), Arrays.toString(first[2]));
        assertThat(second[2]).as("loss series of a repeated seeded run")
                .containsExactly(Arrays.copyOf(first[2], REPEATED_STEPS));
    }

    @Test
    void theTextEncoderLoraTrainsToo() {
        float[][] result = train(7, true, 12);
        System.out.printf("U-Net + text encoder LoRA: probe loss %s → %s%n", Arrays.toString(result[0]),
                Arrays.toString(result[1]));
        assertThat(mean(result[1])).isLessThan(mean(result[0]));
    }

    /** [probe losses before, probe losses after, the step losses]. */
    private static float[][] train(long seed, boolean withTextEncoder, int steps) {
        Random data = new Random(1234);
        float[] latentValues = gaussian(data, 2 * 4 * 8 * 8, 0.8f);
        long[] tokens = new long[2 * 77];
        Arrays.fill(tokens, 63);
        tokens[0] = 62;
        tokens[1] = 5;
        tokens[2] = 9;
        tokens[77] = 62;
        tokens[78] = 17;
        NoiseSchedule schedule = NoiseSchedule.sd15();
        try (LoraNetwork lora = LoraNetwork.attach(model.unet(), model.textEncoder(),
                new LoraConfig(4, 4, 0, !withTextEncoder, seed), manager)) {
            TrainingSettings settings = new TrainingSettings(3e-3f, 1e-3f, 0.01f, 1, 0);
            LoraTrainer trainer = new LoraTrainer(model.unet(), model.textEncoder(), lora, settings, schedule);
            float[] before = probe(schedule, latentValues, tokens);
            float[] losses = new float[steps];
            Random random = new Random(seed);
            int weightArrays = model.manager().getManagedArrays().size();
            for (int i = 0; i < steps; i++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray latents = step.create(latentValues, new Shape(2, 4, 8, 8));
                    NDArray ids = step.create(tokens, new Shape(2, 77));
                    losses[i] = withTextEncoder
                            ? trainer.stepOnTokens(latents, ids, random)
                            : trainer.stepOnContext(latents, model.textEncoder().encode(ids, 1), random);
                }
            }
            // a step's arrays go with the step: none may stay behind among the model's weights (it ran out of memory)
            assertThat(model.manager().getManagedArrays()).as("arrays in the model's manager after " + steps
                    + " steps").hasSize(weightArrays);
            return new float[][]{before, probe(schedule, latentValues, tokens), losses};
        }
    }

    /** The MSE at fixed timesteps and noise, without gradients. */
    private static float[] probe(NoiseSchedule schedule, float[] latentValues, long[] tokens) {
        int[] timesteps = {50, 250, 500, 750, 950};
        float[] losses = new float[timesteps.length];
        Random noiseRandom = new Random(99);
        try (NDManager m = manager.newSubManager()) {
            NDArray latents = m.create(latentValues, new Shape(2, 4, 8, 8));
            NDArray context = model.textEncoder().encode(m.create(tokens, new Shape(2, 77)), 1);
            for (int i = 0; i < timesteps.length; i++) {
                int t = timesteps[i];
                NDArray noise = m.create(gaussian(noiseRandom, 2 * 4 * 8 * 8, 1), new Shape(2, 4, 8, 8));
                NDArray noisy = latents.mul((float) schedule.signalScale(t)).add(noise.mul((float) schedule.noiseScale(t)));
                NDArray eps = model.unet().forward(noisy, m.create(new float[]{t, t}), context);
                losses[i] = eps.sub(noise).square().mean().getFloat();
            }
        }
        return losses;
    }

    private static float mean(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    static float[] gaussian(Random random, int n, float std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian() * std;
        }
        return v;
    }
}
