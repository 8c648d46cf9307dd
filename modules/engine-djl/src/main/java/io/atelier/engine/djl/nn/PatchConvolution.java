package io.atelier.engine.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * A convolution computed as image patches times the weight matrix (im2col): padding, k×k strided slices, one matrix
 * product. Used for every convolution on the CPU: PyTorch 2.7.1's CPU convolution (through DJL 0.36) sometimes
 * returns whole channels of NaN for the input gradient ({@code ConvBackwardProbeTest}), and with it anywhere in a
 * training step (even only in the forward pass) runs still went NaN; slicing, stacking and matrix products have
 * plain, exact backward passes. Costs k² times the input's memory for the patches.
 */
final class PatchConvolution {

    private final NDArray weightMatrix;
    private final NDArray biasColumn;
    private final int kernel;
    private final int stride;
    private final int padding;

    /** {@code weight} {@code [out, in, k, k]}, {@code bias} {@code [out]}; reshaped once, here. */
    PatchConvolution(NDArray weight, NDArray bias, int stride, int padding) {
        Shape s = weight.getShape();
        this.kernel = Math.toIntExact(s.get(2));
        this.weightMatrix = weight.reshape(s.get(0), s.get(1) * s.get(2) * s.get(3));
        this.biasColumn = bias.reshape(1, s.get(0), 1);
        this.stride = stride;
        this.padding = padding;
    }

    NDArray forward(NDArray x) {
        Shape s = x.getShape();
        long batch = s.get(0);
        long channels = s.get(1);
        long outH = (s.get(2) + 2L * padding - kernel) / stride + 1;
        long outW = (s.get(3) + 2L * padding - kernel) / stride + 1;
        NDArray padded = padding == 0 ? x : x.pad(new Shape(padding, padding, padding, padding), 0);
        List<NDArray> taps = new ArrayList<>(kernel * kernel);
        for (int ky = 0; ky < kernel; ky++) {
            for (int kx = 0; kx < kernel; kx++) {
                taps.add(padded.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}", ky, ky + stride * (outH - 1) + 1,
                        stride, kx, kx + stride * (outW - 1) + 1, stride)));
            }
        }
        // [B, C, k², H', W'] → [B, C·k², H'·W']: channel-major, then the tap, as the weight matrix's columns are
        NDArray patches = (taps.size() == 1 ? taps.get(0).expandDims(2) : NDArrays.stack(new NDList(taps), 2))
                .reshape(batch, channels * kernel * kernel, outH * outW);
        // DJL puts a result in its first operand's manager: the product must go to the step's, not the weights'
        // (each training step would otherwise leave thousands of arrays and their graph behind)
        NDArray product = weightMatrix.matMul(patches);
        product.attach(x.getManager());
        NDArray y = product.add(biasColumn);
        return y.reshape(batch, weightMatrix.getShape().get(0), outH, outW);
    }
}
