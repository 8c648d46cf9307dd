package io.atelier.core.safetensors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of a {@code .safetensors} file: an 8-byte little-endian length N, then N bytes of UTF-8 JSON mapping each
 * tensor name to its dtype, shape and byte range, plus an optional flat {@code __metadata__} map of strings.
 *
 * <p>Only the header is read, never the tensor data, so looking at a 7 GB checkpoint costs a few hundred kilobytes
 * of I/O. Everything the header claims is checked against the file's real size, because a truncated download or a
 * corrupt file must be caught here, with a message the user can act on, rather than deep inside a training run.
 */
public final class SafetensorsHeader {

    /** Real checkpoint headers are well under 1 MiB; the cap stops a corrupt length from allocating gigabytes. */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    static final String METADATA_KEY = "__metadata__";

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    // metadata values such as ss_tag_frequency can be long; the header cap is the real limit
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength((int) MAX_HEADER_BYTES).build())
                    .build())
            // a repeated tensor name or trailing garbage means the header was not written by a safetensors writer
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;
    private final long headerLength;
    private final long dataLength;
    private final List<SafetensorsTensor> tensors;
    private final Map<String, String> metadata;

    private SafetensorsHeader(Path file, long headerLength, long dataLength, List<SafetensorsTensor> tensors,
            Map<String, String> metadata) {
        this.file = file;
        this.headerLength = headerLength;
        this.dataLength = dataLength;
        this.tensors = Collections.unmodifiableList(tensors);
        this.metadata = Collections.unmodifiableMap(metadata);
    }

    /**
     * Reads and validates the header of {@code file}.
     *
     * @throws SafetensorsFormatException when the file is not a well-formed safetensors file; the message names the
     *                                    file and the problem
     * @throws IOException                when the file cannot be read at all
     */
    public static SafetensorsHeader read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new SafetensorsFormatException(file, "the file is empty (0 bytes)");
            }
            if (size < Long.BYTES) {
                throw new SafetensorsFormatException(file, "the file is only " + size
                        + " bytes long; a safetensors file starts with an 8-byte header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0, file);
            long headerLength = lengthBytes.getLong(0); // unsigned: compare with the unsigned helpers
            long afterLength = size - Long.BYTES;
            if (headerLength == 0) {
                throw new SafetensorsFormatException(file, "header length is 0 bytes; a safetensors header is a JSON "
                        + "object of at least 2 bytes");
            }
            if (Long.compareUnsigned(headerLength, afterLength) > 0) {
                throw new SafetensorsFormatException(file, "header length " + Long.toUnsignedString(headerLength)
                        + " bytes is beyond the end of the file (" + size + " bytes); it is not a safetensors file, "
                        + "or it is truncated");
            }
            if (headerLength > MAX_HEADER_BYTES) {
                throw new SafetensorsFormatException(file, "header length " + headerLength + " bytes is above the "
                        + (MAX_HEADER_BYTES >> 20) + " MiB a safetensors header can sensibly hold (corrupt file)");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, Long.BYTES, file);
            String json = decodeUtf8(headerBytes.flip(), file);
            return parse(file, headerLength, afterLength - headerLength, json);
        }
    }

    public Path file() {
        return file;
    }

    /** N, the length of the JSON header in bytes (padding included). */
    public long headerLength() {
        return headerLength;
    }

    /** Bytes after the header: the data region the tensors' offsets point into. */
    public long dataLength() {
        return dataLength;
    }

    /** The tensors in header order. */
    public List<SafetensorsTensor> tensors() {
        return tensors;
    }

    /** The {@code __metadata__} map; empty when the header has none. */
    public Map<String, String> metadata() {
        return metadata;
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position, Path file) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                // size() said the bytes were there, so the file shrank while we read it
                throw new SafetensorsFormatException(file, "the file ended at byte " + at
                        + " while its header was being read (was it being written?)");
            }
            at += n;
        }
    }

    private static String decodeUtf8(ByteBuffer bytes, Path file) throws SafetensorsFormatException {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsFormatException(file, "header is not valid UTF-8 text (not a safetensors file, "
                    + "or corrupt)", e);
        }
    }

    private static SafetensorsHeader parse(Path file, long headerLength, long dataLength, String json)
            throws SafetensorsFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SafetensorsFormatException(file, "header is not valid JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            String found = root == null || root.isMissingNode() ? "nothing" : "a JSON " + describe(root);
            throw new SafetensorsFormatException(file, "header is not a JSON object (found " + found + ")");
        }
        List<SafetensorsTensor> tensors = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (METADATA_KEY.equals(entry.getKey())) {
                readMetadata(file, entry.getValue(), metadata);
            } else {
                tensors.add(readTensor(file, entry.getKey(), entry.getValue(), dataLength));
            }
        }
        return new SafetensorsHeader(file, headerLength, dataLength, tensors, metadata);
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> into)
            throws SafetensorsFormatException {
        if (node.isNull()) {
            return; // the reference implementation treats a null __metadata__ as absent
        }
        if (!node.isObject()) {
            throw new SafetensorsFormatException(file, METADATA_KEY + " is a JSON " + describe(node)
                    + ", not an object of strings");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new SafetensorsFormatException(file, METADATA_KEY + " entry '" + e.getKey() + "' is a JSON "
                        + describe(e.getValue()) + "; metadata values must be strings");
            }
            into.put(e.getKey(), e.getValue().textValue());
        }
    }

    private static SafetensorsTensor readTensor(Path file, String name, JsonNode node, long dataLength)
            throws SafetensorsFormatException {
        String what = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw new SafetensorsFormatException(file, what + " is a JSON " + describe(node) + ", not an object with "
                    + "dtype, shape and data_offsets");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw new SafetensorsFormatException(file, what + " has no dtype");
        }
        SafetensorsDtype dtype = SafetensorsDtype.fromHeaderName(dtypeNode.textValue()).orElseThrow(() ->
                new SafetensorsFormatException(file, what + " has unknown dtype \"" + dtypeNode.textValue()
                        + "\" (expected one of " + Arrays.toString(SafetensorsDtype.values()) + ")"));
        long[] shape = nonNegativeLongs(node.get("shape"), -1);
        if (shape == null) {
            throw new SafetensorsFormatException(file, what + " has a missing or invalid shape " + node.get("shape")
                    + " (expected an array of non-negative integers)");
        }
        long[] offsets = nonNegativeLongs(node.get("data_offsets"), 2);
        if (offsets == null) {
            throw new SafetensorsFormatException(file, what + " has missing or invalid data_offsets "
                    + node.get("data_offsets") + " (expected [begin, end], two non-negative integers)");
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin) {
            throw new SafetensorsFormatException(file, what + " has data_offsets [" + begin + ", " + end
                    + "] that end before they begin");
        }
        long expected;
        try {
            long elements = 1;
            for (long dim : shape) {
                elements = Math.multiplyExact(elements, dim);
            }
            expected = Math.multiplyExact(elements, (long) dtype.byteSize());
        } catch (ArithmeticException e) {
            throw new SafetensorsFormatException(file, what + " has shape " + Arrays.toString(shape) + " of "
                    + dtype + ", whose size overflows 64 bits (corrupt header)", e);
        }
        if (expected != end - begin) {
            throw new SafetensorsFormatException(file, what + " is " + dtype + " " + Arrays.toString(shape) + " = "
                    + expected + " bytes, but its data_offsets [" + begin + ", " + end + "] span " + (end - begin)
                    + " bytes");
        }
        if (end > dataLength) {
            throw new SafetensorsFormatException(file, what + " claims " + humanBytes(end - begin) + " at bytes "
                    + begin + "–" + end + " of the tensor data, but the file holds only " + humanBytes(dataLength)
                    + " of tensor data (truncated or corrupt)");
        }
        return new SafetensorsTensor(name, dtype, shape, begin, end);
    }

    /** The node as non-negative longs, or null when it is not such an array (of {@code length}, unless -1). */
    private static long[] nonNegativeLongs(JsonNode node, int length) {
        if (node == null || !node.isArray() || (length >= 0 && node.size() != length)) {
            return null;
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode n = node.get(i);
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
                return null;
            }
            values[i] = n.longValue();
        }
        return values;
    }

    private static String describe(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Decimal units, as file managers and download pages show sizes. */
    static String humanBytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) { // 999.95 would print as "1000.0"
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
