package io.atelier.engine.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.atelier.engine.djl.checkpoint.Weights;
import java.io.IOException;
import java.util.function.UnaryOperator;

/** A 2-D convolution over NCHW with weights {@code [out, in, k, k]} and a bias; 1×1 ones can carry a LoRA. */
public final class Conv2d implements LoraTarget {

    private final String path;
    private final NDArray weight;
    private final NDArray bias;
    private final Shape stride;
    private final Shape padding;
    private final PatchConvolution patches;
    private UnaryOperator<NDArray> adapter;

    /** PyTorch's own convolution on the CPU as well: only to measure what the workaround costs (the benchmark). */
    private static volatile boolean nativeOnCpu;

    private Conv2d(String path, NDArray weight, NDArray bias, int stride, int padding) {
        this.path = path;
        this.weight = weight;
        this.bias = bias;
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
        this.patches = new PatchConvolution(weight, bias, stride, padding);
    }

    /** Loads {@code <name>.weight} {@code [out, in, k, k]} and {@code <name>.bias} {@code [out]}. */
    public static Conv2d load(Weights w, String name, long in, long out, int kernel, int stride, int padding)
            throws IOException {
        Weights s = w.scope(name);
        NDArray weight = s.get("weight", out, in, kernel, kernel);
        NDArray bias = s.get("bias", out);
        return new Conv2d(s.path(), weight, bias, stride, padding);
    }

    /** A 3×3 convolution with padding 1 (same size at stride 1). */
    public static Conv2d load3x3(Weights w, String name, long in, long out) throws IOException {
        return load(w, name, in, out, 3, 1, 1);
    }

    public static Conv2d load1x1(Weights w, String name, long in, long out) throws IOException {
        return load(w, name, in, out, 1, 1, 0);
    }

    /**
     * The convolution. On the CPU, while gradients are recorded, computed as patches × weights
     * ({@link PatchConvolution}), because PyTorch's own CPU convolution backward (2.7.1 through DJL 0.36) gave NaN
     * gradients in training runs; without gradients (sampling, encoding) and on a GPU, PyTorch's own.
     */
    public NDArray forward(NDArray x) {
        boolean patchesNeeded = !x.getDevice().isGpu() && !nativeOnCpu && JniUtils.isGradMode();
        NDArray y = patchesNeeded ? patches.forward(x)
                : ai.djl.nn.convolutional.Conv2d.conv2d(x, weight, bias, stride, padding, new Shape(1, 1), 1)
                        .singletonOrThrow();
        UnaryOperator<NDArray> a = adapter;
        return a == null ? y : y.add(a.apply(x));
    }

    /** For the benchmark only: PyTorch's own CPU convolution in training steps too (its backward can give NaN). */
    public static void useNativeOnCpu(boolean on) {
        nativeOnCpu = on;
    }

    @Override
    public String modulePath() {
        return path;
    }

    @Override
    public Kind kind() {
        if (weight.getShape().get(2) != 1 || weight.getShape().get(3) != 1) {
            throw new IllegalStateException(path + " is a " + weight.getShape().get(2) + "×"
                    + weight.getShape().get(3) + " convolution; only 1×1 ones are LoRA targets");
        }
        return Kind.CONV_1X1;
    }

    @Override
    public long inFeatures() {
        return weight.getShape().get(1);
    }

    @Override
    public long outFeatures() {
        return weight.getShape().get(0);
    }

    @Override
    public void attach(UnaryOperator<NDArray> adapter) {
        kind(); // refuses kernels other than 1×1
        this.adapter = adapter;
    }

    @Override
    public void detach() {
        adapter = null;
    }
}
