package io.atelier.engine.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays from Java values whose memory PyTorch owns. DJL's {@code create(float[])} on the CPU wraps a direct
 * {@code ByteBuffer} with {@code from_blob} (DJL 0.36 {@code JniUtils.createNdFromByteBuffer}): the tensor's memory
 * lives only as long as that one DJL wrapper holds the buffer, while views of it (a reshaped weight) and the tensors
 * autograd saves for the backward pass may outlive the wrapper. A copy PyTorch makes and owns cannot be freed under
 * them.
 */
public final class OwnedArrays {

    private OwnedArrays() {
    }

    public static NDArray of(NDManager m, float[] values, Shape shape) {
        try (NDArray blob = m.create(values, shape)) {
            return blob.duplicate();
        }
    }

    /**
     * {@code x × value} with the scalar in memory PyTorch owns. DJL's {@code mul(Number)} makes the scalar with
     * {@code from_blob} and closes it right after the multiplication, but autograd keeps that scalar for the backward
     * pass, which may then read a buffer the garbage collector has freed. Use this for every multiplication by a
     * constant that a gradient flows through.
     */
    public static NDArray times(NDArray x, float value) {
        return x.mul(of(x.getManager(), new float[]{value}, new Shape()));
    }

    public static NDArray of(NDManager m, long[] values, Shape shape) {
        try (NDArray blob = m.create(values, shape)) {
            return blob.duplicate();
        }
    }
}
