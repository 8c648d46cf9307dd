package io.atelier.core.safetensors;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JSON header exactly as the reference implementation (Rust {@code serde_json}, compact) writes it: the
 * {@code __metadata__} map first, then the tensors in data order, each as {@code {"dtype","shape","data_offsets"}},
 * padded with spaces to a multiple of 8 bytes. Matching it byte for byte matters because kohya's {@code sshs_*}
 * hashes are taken over such a serialisation.
 */
final class HeaderJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private HeaderJson() {
    }

    /** The padded header bytes; {@code metadata} null leaves {@code __metadata__} out. */
    static byte[] encode(Map<String, String> metadata, List<TensorEntry> tensorsInDataOrder) {
        StringBuilder json = new StringBuilder(256 + 96 * tensorsInDataOrder.size());
        json.append('{');
        boolean first = true;
        if (metadata != null) {
            string(json, SafetensorsHeader.METADATA_KEY).append(":{");
            boolean firstEntry = true;
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (!firstEntry) {
                    json.append(',');
                }
                string(json, e.getKey()).append(':');
                string(json, e.getValue());
                firstEntry = false;
            }
            json.append('}');
            first = false;
        }
        long offset = 0;
        for (TensorEntry t : tensorsInDataOrder) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, t.name()).append(":{\"dtype\":\"").append(t.dtype().name()).append("\",\"shape\":[");
            long[] shape = t.shape();
            for (int i = 0; i < shape.length; i++) {
                json.append(i == 0 ? "" : ",").append(shape[i]);
            }
            json.append("],\"data_offsets\":[").append(offset).append(',').append(offset + t.byteLength()).append("]}");
            offset += t.byteLength();
        }
        json.append('}');
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        int padding = (8 - bytes.length % 8) % 8;
        byte[] padded = Arrays.copyOf(bytes, bytes.length + padding);
        Arrays.fill(padded, bytes.length, padded.length, (byte) ' ');
        return padded;
    }

    /** A JSON string as serde_json escapes it: quote, backslash and control characters only; the rest raw UTF-8. */
    private static StringBuilder string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
