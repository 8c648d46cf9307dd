package io.atelier.core.lora.inspect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of {@code __metadata__} values, which sd-scripts writes as Python {@code str()} texts ({@code None},
 * {@code 0.0001}, {@code 1e-05}, {@code 1708002000.123}). A value that is present but unreadable becomes a
 * {@link LoraProblem} naming the key, and reads as absent, so one bad value never costs the rest of the report.
 */
final class MetadataValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> metadata;
    private final List<LoraProblem> problems;

    MetadataValues(Map<String, String> metadata, List<LoraProblem> problems) {
        this.metadata = metadata;
        this.problems = problems;
    }

    /** The value as written; null when absent or Python's {@code None}. */
    String text(String key) {
        String v = metadata.get(key);
        return v == null || v.strip().equals("None") ? null : v;
    }

    Integer integer(String key) {
        Long v = whole(key);
        if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
            problem(key, key + " is " + v + ", out of range");
            return null;
        }
        return v == null ? null : v.intValue();
    }

    /** A whole number; {@code "10.0"} is accepted, as a float that Python code stored for an int. */
    Long whole(String key) {
        String v = text(key);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.strip()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            problem(key, key + " is \"" + v + "\", not a whole number");
            return null;
        }
    }

    Double decimal(String key) {
        String v = text(key);
        if (v == null) {
            return null;
        }
        Optional<Double> d = parseDecimal(v);
        if (d.isEmpty()) {
            problem(key, key + " is \"" + v + "\", not a number");
        }
        return d.orElse(null);
    }

    /** Unix time in seconds, as sd-scripts stores {@code time.time()}. */
    Instant instant(String key) {
        Double seconds = decimal(key);
        if (seconds == null) {
            return null;
        }
        if (!Double.isFinite(seconds) || Math.abs(seconds) > Instant.MAX.getEpochSecond()) {
            problem(key, key + " is \"" + text(key) + "\", not a time");
            return null;
        }
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e6) * 1000);
    }

    /**
     * The value parsed as JSON; empty when absent, or when it is not JSON, which is then a problem naming the key and
     * saying what is left out.
     */
    Optional<JsonNode> json(String key, String leftOut) {
        String v = text(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(v));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            problem(key, key + " is not valid JSON" + where + " (" + e.getOriginalMessage() + "); " + leftOut);
            return Optional.empty();
        }
    }

    void problem(String key, String message) {
        problems.add(new LoraProblem(key, message));
    }

    /** Python's float texts, with {@code inf} and {@code nan} spelled its way. */
    static Optional<Double> parseDecimal(String text) {
        String s = text.strip();
        switch (s) {
            case "inf", "+inf" -> {
                return Optional.of(Double.POSITIVE_INFINITY);
            }
            case "-inf" -> {
                return Optional.of(Double.NEGATIVE_INFINITY);
            }
            case "nan" -> {
                return Optional.of(Double.NaN);
            }
            default -> {
                try {
                    return Optional.of(new BigDecimal(s).doubleValue());
                } catch (NumberFormatException e) {
                    return Optional.empty(); // callers report the key
                }
            }
        }
    }
}
