package io.atelier.core.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open {@code .safetensors} file whose tensors can be read: the validated {@link SafetensorsHeader}, and each
 * tensor's bytes memory-mapped on its own, so a file of any size works as long as one tensor is under 2 GiB (the most
 * one {@code MappedByteBuffer} can hold on Java 17); bigger tensors are read through {@link #bytes(String, long, int)}
 * windows. Values come out as floats, with BF16 widened here so it never has to reach a tensor library.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** The largest tensor that maps, or converts to a {@code float[]}, in one piece. */
    static final long MAX_PIECE_BYTES = Integer.MAX_VALUE - 8;

    /** Tensors up to this size are read rather than mapped: a map per tiny tensor (a LoRA's thousand
     *  {@code .alpha} scalars) costs far more than the read. */
    static final int SMALL_READ_BYTES = 4096;

    private final SafetensorsHeader header;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, SafetensorsTensor> byName;

    private SafetensorsFile(SafetensorsHeader header, FileChannel channel) {
        this.header = header;
        this.channel = channel;
        this.dataStart = Long.BYTES + header.headerLength();
        Map<String, SafetensorsTensor> map = new LinkedHashMap<>();
        for (SafetensorsTensor t : header.tensors()) {
            map.put(t.name(), t);
        }
        this.byName = map;
    }

    /**
     * Opens and validates {@code file}: a pickle-based file is refused by its name before anything reads it; the
     * header is checked against the dtype sizes and the file's length; tensors may not overlap.
     *
     * @throws SafetensorsFormatException naming the file and the problem
     */
    public static SafetensorsFile open(Path file) throws IOException {
        if (PickleFormats.isPickle(file)) {
            throw SafetensorsFormatException.pickle(file);
        }
        SafetensorsHeader header = SafetensorsHeader.read(file);
        checkNoOverlap(header);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            // the file may have shrunk between the header read and this open
            if (channel.size() < Long.BYTES + header.headerLength() + header.dataLength()) {
                throw new SafetensorsFormatException(file, "the file shrank to " + channel.size()
                        + " bytes while it was being opened (was it being written?)");
            }
            return new SafetensorsFile(header, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path file() {
        return header.file();
    }

    public SafetensorsHeader header() {
        return header;
    }

    /** The {@code __metadata__} map; empty when the file has none. */
    public Map<String, String> metadata() {
        return header.metadata();
    }

    /** The tensors in header order. */
    public List<SafetensorsTensor> tensors() {
        return header.tensors();
    }

    public Optional<SafetensorsTensor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The tensor called {@code name}; the error names the file and the tensor. */
    public SafetensorsTensor tensor(String name) throws SafetensorsFormatException {
        SafetensorsTensor t = byName.get(name);
        if (t == null) {
            throw new SafetensorsFormatException(file(), "has no tensor '" + name + "'");
        }
        return t;
    }

    /**
     * The tensor's raw little-endian bytes, mapped read-only (position 0, limit = its length).
     *
     * @throws SafetensorsFormatException when the tensor is 2 GiB or more; read it in windows instead
     */
    public ByteBuffer bytes(String name) throws IOException {
        SafetensorsTensor t = tensor(name);
        if (t.byteLength() > MAX_PIECE_BYTES) {
            throw new SafetensorsFormatException(file(), "tensor '" + name + "' is " + t.byteLength()
                    + " bytes, too large to map in one piece (limit " + MAX_PIECE_BYTES
                    + "); read it in windows with bytes(name, offset, length)");
        }
        return map(t, 0, (int) t.byteLength());
    }

    /** A window of {@code length} bytes from {@code offset} into the tensor, mapped read-only, little-endian. */
    public ByteBuffer bytes(String name, long offset, int length) throws IOException {
        SafetensorsTensor t = tensor(name);
        if (offset < 0 || length < 0 || offset > t.byteLength() - length) {
            throw new IndexOutOfBoundsException(file() + ": window [" + offset + ", " + offset + " + " + length
                    + ") is outside tensor '" + name + "' of " + t.byteLength() + " bytes");
        }
        return map(t, offset, length);
    }

    /**
     * The tensor's values as floats, row-major: F32 as is, F16 exactly, BF16 widened (its bits shifted left by 16),
     * F64 narrowed, integers and BOOL converted.
     *
     * @throws SafetensorsFormatException for the 8-bit float dtypes, or a tensor with more elements than an array holds
     */
    public float[] readFloats(String name) throws IOException {
        SafetensorsTensor t = tensor(name);
        if (!ElementDecoder.canDecode(t.dtype())) {
            throw new SafetensorsFormatException(file(), "tensor '" + name + "' is " + t.dtype()
                    + ", which cannot be read as floats");
        }
        long count = t.byteLength() / t.dtype().byteSize();
        if (count > MAX_PIECE_BYTES / Float.BYTES) {
            throw new SafetensorsFormatException(file(), "tensor '" + name + "' has " + count
                    + " elements, more than one float array can hold");
        }
        float[] out = new float[(int) count];
        if (t.byteLength() <= SMALL_READ_BYTES) {
            ElementDecoder.decode(t.dtype(), read(t), out, 0);
            return out;
        }
        // in windows of whole elements, so a tensor whose raw bytes pass 2 GiB (F64) still converts
        int elementSize = t.dtype().byteSize();
        long windowBytes = (MAX_PIECE_BYTES / 8) * 8;
        int at = 0;
        for (long offset = 0; offset < t.byteLength(); offset += windowBytes) {
            int length = (int) Math.min(windowBytes, t.byteLength() - offset);
            at = ElementDecoder.decode(t.dtype(), map(t, offset, length - length % elementSize), out, at);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private ByteBuffer read(SafetensorsTensor t) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) t.byteLength()).order(ByteOrder.LITTLE_ENDIAN);
        long start = dataStart + t.begin();
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, start + buffer.position()) < 0) {
                throw new SafetensorsFormatException(file(), "the file ended inside tensor '" + t.name()
                        + "' (was it truncated while it was open?)");
            }
        }
        return buffer.flip();
    }

    private ByteBuffer map(SafetensorsTensor t, long offset, int length) throws IOException {
        return channel.map(FileChannel.MapMode.READ_ONLY, dataStart + t.begin() + offset, length)
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void checkNoOverlap(SafetensorsHeader header) throws SafetensorsFormatException {
        List<SafetensorsTensor> sorted = new ArrayList<>(header.tensors());
        sorted.sort(Comparator.comparingLong(SafetensorsTensor::begin).thenComparingLong(SafetensorsTensor::end));
        SafetensorsTensor previous = null;
        for (SafetensorsTensor t : sorted) {
            if (previous != null && t.byteLength() > 0 && t.begin() < previous.end()) {
                throw new SafetensorsFormatException(header.file(), "tensors '" + previous.name() + "' ["
                        + previous.begin() + ", " + previous.end() + ") and '" + t.name() + "' [" + t.begin() + ", "
                        + t.end() + ") overlap (corrupt header)");
            }
            if (t.byteLength() > 0) {
                previous = t;
            }
        }
    }
}
