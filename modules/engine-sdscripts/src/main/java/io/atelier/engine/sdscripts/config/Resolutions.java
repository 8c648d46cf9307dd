package io.atelier.engine.sdscripts.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.engine.sdscripts.importing.ImportReport;
import io.atelier.engine.sdscripts.importing.NodeValues;

/**
 * sd-scripts' {@code resolution} in its three spellings: {@code "1024,1024"} or {@code "1024"} in a config file
 * (split on ','), an int or {@code [w, h]} in a dataset file. Ours is one number, the square training size, so a
 * non-square value imports as its larger side, with a note.
 */
public final class Resolutions {

    private Resolutions() {
    }

    /** The config-file string for a square size: {@code "1024,1024"}. */
    public static String toConfigString(int size) {
        return size + "," + size;
    }

    /** A config-file value, which must be a string. */
    public static int fromConfigString(String key, JsonNode v, ImportReport.Builder report) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException(key + ": expected a string such as \"1024,1024\" (sd-scripts splits "
                    + "it on ','), found " + NodeValues.describe(v));
        }
        return fromText(key, v.asText(), report);
    }

    /** {@code "1024"}, {@code "1024,768"} or {@code "1024x768"}. */
    public static int fromText(String key, String text, ImportReport.Builder report) {
        String[] parts = text.strip().split("\\s*[,x]\\s*");
        if (parts.length < 1 || parts.length > 2) {
            throw new IllegalArgumentException(key + ": \"" + text + "\" is not a size such as 1024 or 1024,1024");
        }
        try {
            int w = Integer.parseInt(parts[0]);
            int h = parts.length == 2 ? Integer.parseInt(parts[1]) : w;
            return larger(key, w, h, report);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": \"" + text + "\" is not a size such as 1024 or 1024,1024", e);
        }
    }

    /** A dataset-file value: an int or a two-int array. */
    public static int fromDatasetValue(String key, JsonNode v, ImportReport.Builder report) {
        if (v.isIntegralNumber()) {
            return v.intValue();
        }
        if (v.isArray() && v.size() == 2 && v.get(0).isIntegralNumber() && v.get(1).isIntegralNumber()) {
            return larger(key, v.get(0).intValue(), v.get(1).intValue(), report);
        }
        throw new IllegalArgumentException(key + ": expected a whole number or [width, height], found "
                + NodeValues.describe(v));
    }

    private static int larger(String key, int w, int h, ImportReport.Builder report) {
        if (w != h) {
            report.note(key + ": " + w + "×" + h + " imported as the square size " + Math.max(w, h));
        }
        return Math.max(w, h);
    }
}
