package io.atelier.tageditor.ui.autotag;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which tags of which image a tagger model wrote, with the model and its confidence, so the editor can mark them:
 * those of this window's runs, and those remembered in the store ({@link PredictionStore}). Event thread only.
 */
public final class PredictionMarks {

    /** One model-made tag. */
    public record Mark(String model, float probability) {
    }

    private final Map<Path, Map<String, Mark>> marks = new HashMap<>();

    /** What the model wrote into {@code image}'s caption in its latest run (replacing an earlier run's marks). */
    public void put(Path image, Map<String, Mark> tags) {
        marks.put(image, new LinkedHashMap<>(tags));
    }

    /** The mark of {@code tag} in {@code image}'s caption, or null when the model did not write it. */
    public Mark mark(Path image, String tag) {
        Map<String, Mark> m = marks.get(image);
        return m == null ? null : m.get(tag);
    }

    /** Whether the caption still has a tag the model wrote. */
    public boolean any(Path image, java.util.Collection<String> caption) {
        Map<String, Mark> m = marks.get(image);
        if (m == null) {
            return false;
        }
        for (String tag : caption) {
            if (m.containsKey(tag)) {
                return true;
            }
        }
        return false;
    }

    /** The tooltip line of a model-made tag. */
    public static String describe(Mark m) {
        return String.format(Locale.ROOT, "Written by the tagger %s (confidence %.2f)", m.model(), m.probability());
    }
}
