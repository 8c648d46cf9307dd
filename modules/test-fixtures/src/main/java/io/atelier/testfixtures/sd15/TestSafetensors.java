package io.atelier.testfixtures.sd15;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A minimal safetensors writer for test fixtures: F32, F16, BF16 and I64 tensors, sorted keys, padded header. A tensor
 * can also be given as a generator ({@link #putGenerated}), called only when its values are needed, so a full-size
 * checkpoint is written one tensor at a time instead of held in memory.
 */
public final class TestSafetensors {

    public enum Dtype { F32, F16, BF16, I64 }

    /** A tensor; {@link #values()} calls the source, which for generated tensors makes the values anew each time. */
    public record Tensor(Dtype dtype, long[] shape, Supplier<float[]> source) {

        public float[] values() {
            return source.get();
        }

        public long elements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private final Map<String, Tensor> tensors = new TreeMap<>();
    private final Map<String, String> metadata = new TreeMap<>();

    public TestSafetensors put(String name, Dtype dtype, long[] shape, float[] values) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + n + " elements");
        }
        tensors.put(name, new Tensor(dtype, shape.clone(), () -> values));
        return this;
    }

    /** A tensor whose values {@code generator} makes when the file is written (it must give the same ones each call). */
    public TestSafetensors putGenerated(String name, Dtype dtype, long[] shape, Supplier<float[]> generator) {
        tensors.put(name, new Tensor(dtype, shape.clone(), generator));
        return this;
    }

    public TestSafetensors metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    public Map<String, Tensor> tensors() {
        return tensors;
    }

    public void write(Path file) throws IOException {
        Map<String, Object> header = new java.util.LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            long bytes = t.elements() * size(t.dtype);
            Map<String, Object> node = new java.util.LinkedHashMap<>();
            node.put("dtype", t.dtype.name());
            node.put("shape", java.util.Arrays.stream(t.shape).boxed().toList());
            node.put("data_offsets", List.of(offset, offset + bytes));
            header.put(e.getKey(), node);
            offset += bytes;
        }
        if (!metadata.isEmpty()) {
            header.put("__metadata__", new java.util.LinkedHashMap<>(metadata));
        }
        byte[] headerBytes = JsonText.of(header).getBytes(StandardCharsets.UTF_8);
        int padded = (headerBytes.length + 7) / 8 * 8;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(headerBytes);
            while (head.hasRemaining()) {
                head.put((byte) ' ');
            }
            writeAll(out, head.flip());
            for (Tensor t : tensors.values()) {
                float[] values = t.values();
                if (values.length != t.elements()) {
                    throw new IllegalStateException(values.length + " values for " + t.elements() + " elements");
                }
                ByteBuffer data = ByteBuffer.allocate(values.length * size(t.dtype)).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : values) {
                    switch (t.dtype) {
                        case F32 -> data.putFloat(v);
                        case F16 -> data.putShort(toF16(v));
                        case BF16 -> data.putShort((short) (Float.floatToIntBits(v) >>> 16));
                        case I64 -> data.putLong((long) v);
                    }
                }
                writeAll(out, data.flip());
            }
        }
    }

    private static void writeAll(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static int size(Dtype d) {
        return switch (d) {
            case F32 -> 4;
            case F16, BF16 -> 2;
            case I64 -> 8;
        };
    }

    /** Round-to-nearest-even F32 → F16 for normal values (the fixtures stay far from the F16 range limits). */
    public static short toF16(float v) {
        int bits = Float.floatToIntBits(v);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
        int mantissa = bits & 0x7fffff;
        if (exponent <= 0) {
            return (short) sign; // flush tiny values to zero: fine for fixtures
        }
        if (exponent >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        int half = sign | (exponent << 10) | (mantissa >>> 13);
        int rest = mantissa & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
            half++;
        }
        return (short) half;
    }
}
