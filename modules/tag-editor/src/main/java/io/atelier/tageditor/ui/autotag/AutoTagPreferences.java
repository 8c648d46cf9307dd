package io.atelier.tageditor.ui.autotag;

import io.atelier.tagger.batch.TagMode;
import io.atelier.tagger.select.RatingTag;
import io.atelier.tagger.select.TaggerSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.prefs.PreferenceChangeListener;
import java.util.prefs.Preferences;
import org.openide.util.NbPreferences;

/**
 * The auto-tag settings the user chose last, remembered across sessions: the tagger model folder (which also feeds
 * autocomplete and the statistics' categories), thresholds, MCut, the tag limit, rating placement, underscores,
 * escaping, excluded tags and the mode.
 */
public final class AutoTagPreferences {

    static final String MODEL_FOLDER = "taggerModelFolder";
    private static final String GENERAL = "generalThreshold";
    private static final String CHARACTER = "characterThreshold";
    private static final String MCUT = "mcut";
    private static final String MAX_TAGS = "maxTags";
    private static final String RATING = "rating";
    private static final String UNDERSCORES = "underscoresToSpaces";
    private static final String ESCAPE = "escapeParentheses";
    private static final String EXCLUDED = "excludedTags";
    private static final String MODE = "mode";

    private AutoTagPreferences() {
    }

    private static Preferences node() {
        return NbPreferences.forModule(AutoTagPreferences.class);
    }

    /** The tagger model folder, or null when none was chosen. */
    public static Path modelFolder() {
        String s = node().get(MODEL_FOLDER, "");
        return s.isBlank() ? null : Path.of(s);
    }

    public static void setModelFolder(Path folder) {
        node().put(MODEL_FOLDER, folder == null ? "" : folder.toString());
    }

    /** Tells {@code r} (on some thread) when the model folder changes; returns the listener to remove later. */
    public static PreferenceChangeListener onModelFolderChanged(Runnable r) {
        PreferenceChangeListener l = e -> {
            if (MODEL_FOLDER.equals(e.getKey())) {
                r.run();
            }
        };
        node().addPreferenceChangeListener(l);
        return l;
    }

    public static void removeListener(PreferenceChangeListener l) {
        node().removePreferenceChangeListener(l);
    }

    public static TaggerSettings settings() {
        Preferences p = node();
        TaggerSettings d = TaggerSettings.defaults();
        RatingTag rating;
        try {
            rating = RatingTag.valueOf(p.get(RATING, d.rating().name()));
        } catch (IllegalArgumentException e) {
            rating = d.rating();   // a value from another version: the default
        }
        try {
            return new TaggerSettings(p.getFloat(GENERAL, d.generalThreshold()),
                    p.getFloat(CHARACTER, d.characterThreshold()), p.getBoolean(MCUT, d.mcut()),
                    p.getInt(MAX_TAGS, d.maxTags()), rating, p.getBoolean(UNDERSCORES, d.underscoresToSpaces()),
                    p.getBoolean(ESCAPE, d.escapeParentheses()), excluded(p.get(EXCLUDED, "")));
        } catch (IllegalArgumentException e) {
            return d;   // out-of-range values written by hand: start from the defaults
        }
    }

    public static void save(TaggerSettings s, TagMode mode) {
        Preferences p = node();
        p.putFloat(GENERAL, s.generalThreshold());
        p.putFloat(CHARACTER, s.characterThreshold());
        p.putBoolean(MCUT, s.mcut());
        p.putInt(MAX_TAGS, s.maxTags());
        p.put(RATING, s.rating().name());
        p.putBoolean(UNDERSCORES, s.underscoresToSpaces());
        p.putBoolean(ESCAPE, s.escapeParentheses());
        p.put(EXCLUDED, String.join(", ", s.excludedTags()));
        p.put(MODE, mode.name());
    }

    public static TagMode mode() {
        try {
            return TagMode.valueOf(node().get(MODE, TagMode.APPEND.name()));
        } catch (IllegalArgumentException e) {
            return TagMode.APPEND;
        }
    }

    /** "a, b ,c" → {a, b, c}. */
    static Set<String> excluded(String text) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
