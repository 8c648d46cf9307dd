package io.atelier.tagger.preprocess;

import io.atelier.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes a float32 array as a NumPy {@code .npy} file (format version 1.0: magic, header length, a Python dict
 * literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (…), }} padded with spaces and a newline so the
 * data starts on a 64-byte boundary, then the little-endian data in C order), so {@code numpy.load} reads exactly
 * the tensor the tagger feeds the model.
 */
public final class NpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGNMENT = 64;

    private NpyFile() {
    }

    /** Writes {@code data} with {@code shape} to {@code out} atomically. */
    public static void write(Path out, float[] data, int... shape) throws IOException {
        AtomicFiles.write(out, bytes(data, shape));
    }

    /** The whole file's bytes. */
    public static byte[] bytes(float[] data, int... shape) {
        long elements = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            elements *= d;
        }
        if (elements != data.length) {
            throw new IllegalArgumentException(data.length + " values do not fill shape " + Arrays.toString(shape));
        }
        byte[] header = header(shape);
        ByteBuffer buffer = ByteBuffer.allocate(MAGIC.length + 2 + header.length + data.length * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).putShort((short) header.length).put(header);
        buffer.asFloatBuffer().put(data);
        return buffer.array();
    }

    private static byte[] header(int[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        if (shape.length == 1) {
            dims += ","; // a one-element tuple in Python
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String header = dict + " ".repeat(padding) + "\n";
        if (header.length() > 0xFFFF) {
            throw new IllegalArgumentException("shape too long for an .npy 1.0 header");
        }
        return header.getBytes(StandardCharsets.US_ASCII);
    }
}
