package io.atelier.engine.sdscripts.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.core.params.ParamDef;
import io.atelier.core.params.ParamType;

/**
 * Turns a parsed JSON/TOML value into a parameter's Java value. Two policies: {@link #strict} for sd-scripts TOML,
 * whose values keep their TOML type (a quoted {@code "4"} is a string there and breaks training), and {@link #loose}
 * for kohya_ss GUI JSON, which stores many numbers as strings ({@code "keep_tokens": "1"}).
 * Errors are {@link IllegalArgumentException}s naming {@code sourceKey} and, where it differs, our key.
 */
public final class NodeValues {

    private NodeValues() {
    }

    public static Object strict(ParamDef def, String sourceKey, JsonNode node) {
        boolean typeOk = switch (def.type()) {
            case INT -> node.isIntegralNumber();
            case FLOAT -> node.isNumber();
            case BOOL -> node.isBoolean();
            case STRING, CHOICE, TEXT -> node.isTextual();
        };
        if (!typeOk) {
            throw new IllegalArgumentException(name(def, sourceKey) + ": expected " + expected(def.type())
                    + ", found " + describe(node));
        }
        return coerce(def, sourceKey, scalar(node));
    }

    public static Object loose(ParamDef def, String sourceKey, JsonNode node) {
        if (node.isTextual() && def.type() != ParamType.STRING && def.type() != ParamType.CHOICE
                && def.type() != ParamType.TEXT) {
            try {
                return def.parse(node.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name(def, sourceKey) + ": expected " + expected(def.type())
                        + ", found " + describe(node), e);
            }
        }
        if (!node.isValueNode() || node.isNull()) {
            throw new IllegalArgumentException(name(def, sourceKey) + ": expected " + expected(def.type())
                    + ", found " + describe(node));
        }
        if (def.type() == ParamType.INT && node.isNumber() && !node.isIntegralNumber()
                && node.asDouble() != Math.rint(node.asDouble())) {
            throw new IllegalArgumentException(name(def, sourceKey) + ": expected a whole number, found "
                    + describe(node));
        }
        return coerce(def, sourceKey, scalar(node));
    }

    /** A value as a report shows it: JSON text ({@code "abc"}, {@code 4}, {@code true}). */
    public static String describe(JsonNode node) {
        String kind = node.isTextual() ? "text " : node.isBoolean() ? "boolean " : node.isIntegralNumber()
                ? "whole number " : node.isNumber() ? "number " : node.isArray() ? "array " : node.isObject()
                ? "table " : "";
        return kind + node;
    }

    private static Object coerce(ParamDef def, String sourceKey, Object value) {
        try {
            return def.coerce(value);
        } catch (IllegalArgumentException e) {
            // ParamDef's message starts with our key; name the file's key too when it differs.
            throw new IllegalArgumentException(sourceKey.equals(def.key()) ? e.getMessage()
                    : sourceKey + " → " + e.getMessage(), e);
        }
    }

    private static Object scalar(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    private static String name(ParamDef def, String sourceKey) {
        return sourceKey.equals(def.key()) ? sourceKey : sourceKey + " (" + def.key() + ")";
    }

    private static String expected(ParamType type) {
        return switch (type) {
            case INT -> "a whole number";
            case FLOAT -> "a number";
            case BOOL -> "true or false";
            case STRING, CHOICE, TEXT -> "text";
        };
    }
}
