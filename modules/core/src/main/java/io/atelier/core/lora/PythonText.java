package io.atelier.core.lora;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Values formatted as Python formats them, because kohya metadata is {@code str()} of Python values and
 * {@code json.dumps} of dicts, and tools compare or parse those strings: {@code True}/{@code False}, {@code None},
 * floats in {@code repr} form ({@code 0.0001}, {@code 1e-05}, {@code 16.0}), JSON with {@code ", "} and
 * {@code ": "} separators and non-ASCII escaped.
 */
public final class PythonText {

    public static final String NONE = "None";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonText() {
    }

    public static String str(boolean value) {
        return value ? "True" : "False";
    }

    public static String str(long value) {
        return Long.toString(value);
    }

    /** Python's {@code repr(float)}: the shortest digits that read back to the same double. */
    public static String str(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(value);
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // of the first digit: d.ddd × 10^exponent
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        String plain = shortest.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** {@code str()} of an optional number: {@code None} when null, else as an int or a float. */
    public static String strOrNone(Number value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Double || value instanceof Float) {
            return str(value.doubleValue());
        }
        return str(value.longValue());
    }

    public static String strOrNone(String value) {
        return value == null ? NONE : value;
    }

    /**
     * {@code json.dumps(value)} with Python's defaults, for maps (insertion order), lists, strings, integers, doubles,
     * booleans and null.
     */
    public static String jsonDumps(Object value) {
        StringBuilder out = new StringBuilder();
        dump(out, value);
        return out.toString();
    }

    private static void dump(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            jsonString(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : str(d));
        } else if (value instanceof Number n) {
            out.append(n.longValue());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ");
                jsonString(out, String.valueOf(e.getKey()));
                out.append(": ");
                dump(out, e.getValue());
                first = false;
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                dump(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("json.dumps has no form for " + value.getClass().getName());
        }
    }

    /** ensure_ascii: everything outside printable ASCII escaped, as {@code \\uXXXX} with lower-case hex. */
    private static void jsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                                .append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The shortest decimal that parses back to {@code value}, correctly rounded from its exact binary value. */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
