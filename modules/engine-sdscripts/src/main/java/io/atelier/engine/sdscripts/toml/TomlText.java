package io.atelier.engine.sdscripts.toml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.UncheckedIOException;

/**
 * TOML text through Jackson's TOML format, so that every string is quoted and escaped by a maintained writer (literal
 * {@code '…'} strings where the text allows, basic strings with escapes otherwise) and every file can be parsed back
 * by the same library.
 *
 * <p>Jackson writes arrays of tables inline ({@code datasets = [{…}]}); sd-scripts reads TOML with the old Python
 * {@code toml 0.10.2}, so section headers ({@code [general]}, {@code [[datasets]]}) are written here as plain lines
 * and only flat key/value bodies go through Jackson.
 */
public final class TomlText {

    private static final TomlMapper MAPPER = new TomlMapper();

    private TomlText() {
    }

    /** An empty table body, keys in insertion order. */
    public static ObjectNode table() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@code key = value} lines of a flat table (scalars and arrays of scalars only). */
    public static String body(ObjectNode table) {
        if (table.isEmpty()) {
            return "";
        }
        for (var e : table.properties()) {
            if (e.getValue().isObject() || e.getValue().isNull()) {
                throw new IllegalArgumentException(e.getKey() + ": a nested table or null cannot be written here");
            }
        }
        try {
            return MAPPER.writeValueAsString(table);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("TOML: " + e.getOriginalMessage(), e);
        }
    }

    /** A {@code [name]} or {@code [[name]]} section: header line and body. */
    public static String section(String header, ObjectNode table) {
        return header + "\n" + body(table);
    }

    /**
     * Parses TOML text; a syntax error becomes an {@link IllegalArgumentException} naming {@code source} and the
     * line.
     */
    public static ObjectNode parse(String text, String source) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) {
                return table();
            }
            return (ObjectNode) n;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " (line " + loc.getLineNr() + ")";
            throw new IllegalArgumentException(source + where + ": not valid TOML: " + e.getOriginalMessage(), e);
        }
    }
}
