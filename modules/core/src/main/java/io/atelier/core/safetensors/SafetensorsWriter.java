package io.atelier.core.safetensors;

import io.atelier.core.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds a {@code .safetensors} file laid out as the reference implementation lays it out: tensors ordered by dtype
 * (largest in the reference's dtype order first, which is {@link SafetensorsDtype}'s order reversed) and then by name,
 * so files of one dtype are simply in name order; the compact JSON header with {@code __metadata__} first, padded
 * with spaces to a multiple of 8; then the data, streamed through a 1 MiB buffer.
 *
 * <p>Float arrays are kept by reference, not copied (a LoRA can be hundreds of megabytes): they must not change
 * until the file is written. Not thread-safe.
 */
public final class SafetensorsWriter {

    // the reference sorts by dtype descending, then by name in UTF-8 byte order, which is code point order
    private static final Comparator<TensorEntry> DATA_ORDER = Comparator
            .comparing(TensorEntry::dtype, Comparator.reverseOrder())
            .thenComparing(TensorEntry::name, SafetensorsWriter::compareCodePoints);

    private final Map<String, TensorEntry> tensors = new LinkedHashMap<>();
    private Map<String, String> metadata;

    /** Sets the {@code __metadata__} map, replacing any before; its order is kept. Null leaves it out of the file. */
    public SafetensorsWriter metadata(Map<String, String> metadata) {
        if (metadata == null) {
            this.metadata = null;
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>();
        metadata.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "metadata key"),
                Objects.requireNonNull(v, () -> "metadata value of " + k)));
        this.metadata = copy;
        return this;
    }

    /** The metadata as it will be written; null when there is none. */
    public Map<String, String> metadata() {
        return metadata == null ? null : Collections.unmodifiableMap(metadata);
    }

    /**
     * Adds a tensor stored as {@code dtype} (F32, F16 or BF16; narrowing rounds to nearest even) from row-major
     * {@code values}, which must have as many elements as {@code shape} describes.
     */
    public SafetensorsWriter add(String name, SafetensorsDtype dtype, long[] shape, float[] values) {
        long count = elements(name, shape);
        if (count != values.length) {
            throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(shape) + " = "
                    + count + " elements, but " + values.length + " values were given");
        }
        TensorEntry.Encoder encoder = switch (dtype) {
            case F32 -> out -> {
                for (float v : values) {
                    out.putFloat(v);
                }
            };
            case F16 -> out -> {
                for (float v : values) {
                    out.putShort(HalfFloats.toHalf(v));
                }
            };
            case BF16 -> out -> {
                for (float v : values) {
                    out.putShort(HalfFloats.toBfloat16(v));
                }
            };
            default -> throw new IllegalArgumentException("tensor '" + name + "': floats can be written as F32, F16 "
                    + "or BF16, not " + dtype);
        };
        return put(new TensorEntry(name, dtype, shape.clone(), count * dtype.byteSize(), encoder));
    }

    /** Adds a 0-dimensional tensor (shape {@code []}), as kohya stores each module's {@code .alpha}. */
    public SafetensorsWriter addScalar(String name, SafetensorsDtype dtype, float value) {
        return add(name, dtype, new long[0], new float[] {value});
    }

    /** Adds a tensor of any dtype from its raw little-endian bytes, e.g. one copied unchanged from another file. */
    public SafetensorsWriter addRaw(String name, SafetensorsDtype dtype, long[] shape, byte[] littleEndian) {
        long bytes = elements(name, shape) * dtype.byteSize();
        if (bytes != littleEndian.length) {
            throw new IllegalArgumentException("tensor '" + name + "' is " + dtype + " " + Arrays.toString(shape)
                    + " = " + bytes + " bytes, but " + littleEndian.length + " bytes were given");
        }
        return put(new TensorEntry(name, dtype, shape.clone(), bytes, out -> out.put(littleEndian)));
    }

    /** The tensor names, in the order their data will be written. */
    public List<String> names() {
        return dataOrder().stream().map(TensorEntry::name).toList();
    }

    /** A writer over the same tensors with other metadata (null: none); e.g. to hash a differently-labelled file. */
    public SafetensorsWriter withMetadata(Map<String, String> otherMetadata) {
        SafetensorsWriter copy = new SafetensorsWriter();
        copy.tensors.putAll(tensors);
        return copy.metadata(otherMetadata);
    }

    /** Writes the whole file to {@code out} (not closed); returns the number of bytes written. */
    public long writeTo(OutputStream out) throws IOException {
        List<TensorEntry> order = dataOrder();
        byte[] header = HeaderJson.encode(metadata, order);
        LittleEndianOutput le = new LittleEndianOutput(out);
        le.putLong(header.length);
        le.put(header);
        for (TensorEntry t : order) {
            long before = le.position();
            t.encoder().encode(le);
            if (le.position() - before != t.byteLength()) {
                // an encoder bug would silently shift every later tensor: never write such a file
                throw new IllegalStateException("tensor '" + t.name() + "' produced " + (le.position() - before)
                        + " bytes instead of " + t.byteLength());
            }
        }
        le.flush();
        return le.position();
    }

    /**
     * Writes the file to {@code target} atomically: into a temp file beside it, forced to disk, then moved over the
     * target, so a crash or a full disk never leaves a half-written checkpoint under the real name.
     */
    public void write(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeTo(Channels.newOutputStream(channel));
                channel.force(true);
            }
            AtomicFiles.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private SafetensorsWriter put(TensorEntry entry) {
        if (SafetensorsHeader.METADATA_KEY.equals(entry.name())) {
            throw new IllegalArgumentException(SafetensorsHeader.METADATA_KEY + " cannot be a tensor name");
        }
        if (tensors.putIfAbsent(entry.name(), entry) != null) {
            throw new IllegalArgumentException("tensor '" + entry.name() + "' was added twice");
        }
        return this;
    }

    private List<TensorEntry> dataOrder() {
        List<TensorEntry> order = new ArrayList<>(tensors.values());
        order.sort(DATA_ORDER);
        return order;
    }

    private static long elements(String name, long[] shape) {
        Objects.requireNonNull(name, "name");
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor '" + name + "' has a negative dimension in shape "
                        + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
