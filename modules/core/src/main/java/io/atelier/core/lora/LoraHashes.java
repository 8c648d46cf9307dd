package io.atelier.core.lora;

import io.atelier.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code sshs_model_hash} and {@code sshs_legacy_hash} that sd-scripts stores in a LoRA's metadata for
 * sd-webui-additional-networks. As sd-scripts' {@code precalculate_safetensors_hashes} does, both are taken over a
 * serialisation of the same tensors holding only the {@code ss_*} metadata (not over the saved file, whose other
 * metadata would shift the legacy window): the model hash is the SHA-256 of its tensor-data region, the legacy hash
 * the first 8 hex digits of the SHA-256 of its bytes 0x100000 to 0x10FFFF (fewer, or none, when it is shorter).
 *
 * @param modelHash  64 lower-case hex digits
 * @param legacyHash 8 lower-case hex digits
 */
public record LoraHashes(String modelHash, String legacyHash) {

    public static final String MODEL_HASH_KEY = "sshs_model_hash";
    public static final String LEGACY_HASH_KEY = "sshs_legacy_hash";

    static final long LEGACY_START = 0x100000;
    static final int LEGACY_LENGTH = 0x10000;

    /** The hashes of the writer's tensors, with its metadata reduced to the {@code ss_*} entries. */
    public static LoraHashes of(SafetensorsWriter writer) {
        Map<String, String> training = new LinkedHashMap<>();
        Map<String, String> metadata = writer.metadata();
        if (metadata != null) {
            metadata.forEach((k, v) -> {
                if (k.startsWith("ss_")) {
                    training.put(k, v);
                }
            });
        }
        HashingStream hashing = new HashingStream();
        try {
            writer.withMetadata(training).writeTo(hashing);
        } catch (IOException e) {
            // the stream only digests; nothing here touches a disk
            throw new UncheckedIOException(e);
        }
        return new LoraHashes(hashing.modelHash(), hashing.legacyHash());
    }

    /**
     * The legacy hash of an existing file as A1111 computes it from the file itself: first 8 hex digits of the
     * SHA-256 of its bytes 0x100000 to 0x10FFFF. Differs from a stored {@code sshs_legacy_hash} when the file's
     * non-{@code ss_} metadata changed its header length.
     */
    public static String legacyHashOfFile(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer window = ByteBuffer.allocate(LEGACY_LENGTH);
            long at = LEGACY_START;
            int n;
            while (window.hasRemaining() && (n = channel.read(window, at)) > 0) {
                at += n;
            }
            digest.update(window.flip());
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 8);
    }

    /** Feeds the data region to one digest and the legacy window to another, as the bytes go by. */
    private static final class HashingStream extends OutputStream {
        private final MessageDigest data = sha256();
        private final MessageDigest legacy = sha256();
        private final byte[] lengthBytes = new byte[Long.BYTES];
        private long position;
        private long dataStart = Long.MAX_VALUE;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            long start = position;
            long end = start + len;
            for (long p = start; p < Math.min(end, Long.BYTES); p++) {
                lengthBytes[(int) p] = b[off + (int) (p - start)];
                if (p == Long.BYTES - 1) {
                    dataStart = Long.BYTES + ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
                }
            }
            digestRange(data, b, off, start, end, dataStart, Long.MAX_VALUE);
            digestRange(legacy, b, off, start, end, LEGACY_START, LEGACY_START + LEGACY_LENGTH);
            position = end;
        }

        /** Digests the part of b (stream bytes [start, end)) that falls in [from, to). */
        private static void digestRange(MessageDigest d, byte[] b, int off, long start, long end, long from, long to) {
            long lo = Math.max(start, from);
            long hi = Math.min(end, to);
            if (lo < hi) {
                d.update(b, off + (int) (lo - start), (int) (hi - lo));
            }
        }

        String modelHash() {
            return HexFormat.of().formatHex(data.digest());
        }

        String legacyHash() {
            return HexFormat.of().formatHex(legacy.digest()).substring(0, 8);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
