package io.atelier.core.params;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One training parameter: its key (the sd-scripts argument name where one exists, so exports are direct), type,
 * section, label, unit, range or choices, default, and a one-line description that says why the default is what it
 * is.
 *
 * @param min smallest accepted value for numbers, null when unbounded
 * @param max largest accepted value for numbers, null when unbounded
 */
public record ParamDef(String key, ParamType type, Section section, String label, String unit, Object defaultValue,
                       Double min, Double max, List<String> choices, String description) {

    public ParamDef {
        Objects.requireNonNull(key);
        choices = choices == null ? List.of() : List.copyOf(choices);
        defaultValue = coerce(key, type, defaultValue, min, max, choices);
    }

    /** {@code value} as this parameter's type (Integer, Double, Boolean or String), checked against range/choices. */
    public Object coerce(Object value) {
        return coerce(key, type, value, min, max, choices);
    }

    /** Parses text as typed by a user or read from a file ("1e-4", "true", "cosine"). */
    public Object parse(String text) {
        String t = text.strip();
        try {
            return switch (type) {
                case INT -> coerce(Integer.valueOf(t.replace("_", "")));
                case FLOAT -> coerce(Double.valueOf(t.replace("_", "")));
                case BOOL -> coerce(parseBool(t));
                case STRING, CHOICE, TEXT -> coerce(type == ParamType.TEXT ? text : t);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": \"" + t + "\" is not " + (type == ParamType.INT
                    ? "a whole number" : "a number"), e);
        }
    }

    private Boolean parseBool(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "no", "off", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(key + ": \"" + t + "\" is not true or false");
        };
    }

    private static Object coerce(String key, ParamType type, Object value, Double min, Double max,
                                 List<String> choices) {
        if (value == null) {
            throw new IllegalArgumentException(key + ": a value is required");
        }
        Object v = switch (type) {
            case INT -> {
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
                    yield n.intValue();
                }
                throw new IllegalArgumentException(key + ": " + value + " is not a whole number");
            }
            case FLOAT -> {
                if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
                    yield n.doubleValue();
                }
                throw new IllegalArgumentException(key + ": " + value + " is not a number");
            }
            case BOOL -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw new IllegalArgumentException(key + ": " + value + " is not true or false");
            }
            case STRING, CHOICE, TEXT -> {
                if (value instanceof String s) {
                    yield s;
                }
                throw new IllegalArgumentException(key + ": " + value + " is not text");
            }
        };
        if (v instanceof Number n) {
            if (min != null && n.doubleValue() < min) {
                throw new IllegalArgumentException(key + ": " + v + " is below the minimum " + format(min));
            }
            if (max != null && n.doubleValue() > max) {
                throw new IllegalArgumentException(key + ": " + v + " is above the maximum " + format(max));
            }
        }
        if (type == ParamType.CHOICE && !choices.contains(v)) {
            throw new IllegalArgumentException(key + ": \"" + v + "\" is not one of " + String.join(", ", choices));
        }
        if (type == ParamType.STRING && ((String) v).contains("\n")) {
            throw new IllegalArgumentException(key + ": a line break is not allowed here");
        }
        return v;
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
