package io.atelier.engine.djl.training;

import io.atelier.testfixtures.sd15.TestCheckpoints;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.atelier.engine.djl.TinyModel;
import io.atelier.engine.djl.lora.LoraConfig;
import io.atelier.engine.djl.lora.LoraNetwork;
import io.atelier.engine.djl.model.Sd15Checkpoint;
import io.atelier.engine.djl.model.Sd15Part;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * CPU times of the tiny models: U-Net forward, forward + backward, and a whole trainer step (batch 2, 8×8 latents),
 * ten of each, three rounds, for the 4-level and the 2-level fixture. Runs only with {@code -Datelier.benchmark=true}.
 */
class TimingProbeTest {

    @Test
    @EnabledIfSystemProperty(named = "atelier.benchmark", matches = "true")
    void timesForwardBackwardAndTrainerSteps() throws Exception {
        time("4-level", TinyModel.SPEC);
        time("2-level", TinyModel.TWO_LEVEL);
    }

    private static void time(String label, io.atelier.testfixtures.sd15.TestCheckpoints.Spec spec) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
             Sd15Checkpoint model = TinyModel.load(spec, manager, Sd15Part.UNET, Sd15Part.TEXT_ENCODER);
             LoraNetwork lora = LoraNetwork.attach(model.unet(), model.textEncoder(), new LoraConfig(4, 4, 0, true, 1), manager)) {
            LoraTrainer trainer = new LoraTrainer(model.unet(), null, lora, new TrainingSettings(1e-3f, 0, 0, 1, 0), io.atelier.core.diffusion.NoiseSchedule.sd15());
            Random r = new Random(1);
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 10; i++) {
                    try (NDManager s = manager.newSubManager()) {
                        NDArray c = s.randomNormal(new Shape(2, 77, 32));
                        model.unet().forward(s.randomNormal(new Shape(2, 4, 8, 8)), s.create(new float[]{1, 2}), c).toFloatArray();
                    }
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < 10; i++) {
                    try (NDManager s = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray c = s.randomNormal(new Shape(2, 77, 32));
                        NDArray y = model.unet().forward(s.randomNormal(new Shape(2, 4, 8, 8)), s.create(new float[]{1, 2}), c);
                        gc.backward(y.square().mean());
                    }
                }
                long t2 = System.nanoTime();
                for (int i = 0; i < 10; i++) {
                    try (NDManager s = manager.newSubManager()) {
                        trainer.stepOnContext(s.randomNormal(new Shape(2, 4, 8, 8)), s.randomNormal(new Shape(2, 77, 32)), r);
                    }
                }
                long t3 = System.nanoTime();
                System.out.printf(label + ": unet fwd %.1f ms, fwd+bwd %.1f ms, full trainer step %.1f ms; managed arrays %d%n",
                        (t1 - t0) / 1e7, (t2 - t1) / 1e7, (t3 - t2) / 1e7, manager.getManagedArrays().size());
            }
        }
    }
}
