package io.atelier.engine.djl.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.atelier.engine.djl.nn.OwnedArrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The open problem of the built-in engine, reduced to one operation: the input gradient of a plain 3×3 convolution
 * (DJL 0.36 / PyTorch 2.7.1, CPU) sometimes comes back with whole channels or columns of NaN, in 1 to 3 of 40 identical
 * repetitions, whatever the thread count or the CPU instruction set allowed (tried: one intra-op thread,
 * {@code ATEN_CPU_CAPABILITY=default}, {@code ONEDNN_MAX_CPU_ISA=AVX2}). The U-Net's output convolution hits it, so a
 * LoRA run's first backward can be NaN although its loss is finite. Opt-in until it passes:
 * {@code mvn -o -q test -pl modules/engine-djl -Dtest=ConvBackwardProbeTest -DargLine=-Datelier.probeConv=true}.
 */
class ConvBackwardProbeTest {

    private static NDArray random(NDManager m, Shape shape, int seed) {
        Random r = new Random(seed);
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return OwnedArrays.of(m, v, shape);
    }

    @Test
    void theInputGradientOfAConvolutionIsNeverNaN() {
        assumeTrue(Boolean.getBoolean("atelier.probeConv"), "opt-in: -Datelier.probeConv=true");
        int failures = 0;
        int tries = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int in : new int[]{32, 64}) {
                NDArray weight = random(manager, new Shape(4, in, 3, 3), 7);
                NDArray bias = random(manager, new Shape(4), 8);
                for (Shape shape : new Shape[]{new Shape(1, in, 32, 24), new Shape(1, in, 32, 32)}) {
                    for (int i = 0; i < 40; i++, tries++) {
                        try (NDManager m = manager.newSubManager()) {
                            NDArray x = random(m, shape, 1);
                            x.setRequiresGradient(true);
                            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                                NDArray y = ai.djl.nn.convolutional.Conv2d.conv2d(x, weight, bias, new Shape(1, 1),
                                        new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow();
                                collector.backward(y.mul(random(m, y.getShape(), 3)).sum());
                            }
                            if (x.getGradient().isNaN().any().getBoolean()) {
                                failures++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(failures).as("NaN input gradients in %d identical convolutions", tries).isZero();
    }
}
