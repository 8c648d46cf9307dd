package io.atelier.core.safetensors;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor entry of a safetensors header. Offsets are relative to the start of the data region, which begins right
 * after the header, as the format defines them.
 *
 * @param name  tensor name, e.g. {@code model.diffusion_model.input_blocks.0.0.weight}
 * @param dtype element type
 * @param shape dimensions; empty for a scalar
 * @param begin first byte of the tensor in the data region
 * @param end   one past its last byte
 */
public record SafetensorsTensor(String name, SafetensorsDtype dtype, long[] shape, long begin, long end) {

    public SafetensorsTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone(); // a record component must not be changed behind its back
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long byteLength() {
        return end - begin;
    }

    // Records compare arrays by identity; two entries with equal shapes are equal.
    @Override
    public boolean equals(Object o) {
        return o instanceof SafetensorsTensor t && name.equals(t.name) && dtype == t.dtype
                && Arrays.equals(shape, t.shape) && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape) + " @[" + begin + ", " + end + ")";
    }
}
