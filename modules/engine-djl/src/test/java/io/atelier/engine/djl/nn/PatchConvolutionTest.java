package io.atelier.engine.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PatchConvolutionTest {

    private static NDArray random(NDManager m, Shape shape, int seed) {
        Random r = new Random(seed);
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return OwnedArrays.of(m, v, shape);
    }

    @Test
    void computesWhatPyTorchsConvolutionComputes() {
        try (NDManager m = NDManager.newBaseManager()) {
            // kernel, stride, padding: the U-Net's 3×3, its stride-2 downsampling, the 1×1 projections
            for (int[] ksp : new int[][]{{3, 1, 1}, {3, 2, 1}, {1, 1, 0}}) {
                NDArray w = random(m, new Shape(5, 6, ksp[0], ksp[0]), 1);
                NDArray b = random(m, new Shape(5), 2);
                NDArray x = random(m, new Shape(2, 6, 9, 7), 3);
                NDArray expected = ai.djl.nn.convolutional.Conv2d.conv2d(x, w, b, new Shape(ksp[1], ksp[1]),
                        new Shape(ksp[2], ksp[2]), new Shape(1, 1), 1).singletonOrThrow();
                NDArray actual = new PatchConvolution(w, b, ksp[1], ksp[2]).forward(x);
                assertThat(actual.getShape()).isEqualTo(expected.getShape());
                assertThat(actual.sub(expected).abs().max().getFloat()).as("kernel %d stride %d", ksp[0], ksp[1])
                        .isLessThan(1e-4f);
            }
        }
    }

    @Test
    void itsInputGradientIsFiniteEveryTime() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = random(manager, new Shape(4, 32, 3, 3), 7);
            NDArray b = random(manager, new Shape(4), 8);
            PatchConvolution conv = new PatchConvolution(w, b, 1, 1);
            for (int i = 0; i < 60; i++) {
                try (NDManager m = manager.newSubManager()) {
                    NDArray x = random(m, i % 2 == 0 ? new Shape(1, 32, 32, 24) : new Shape(1, 32, 32, 32), 1);
                    x.setRequiresGradient(true);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray y = conv.forward(x);
                        collector.backward(y.mul(random(m, y.getShape(), 3)).sum());
                    }
                    assertThat(x.getGradient().isNaN().any().getBoolean()).as("repetition %d", i).isFalse();
                }
            }
        }
    }
}
