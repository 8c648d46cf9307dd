package io.atelier.tagger.select;

import java.util.Set;

/**
 * How probabilities become caption tags. Thresholds are strict, as in the reference: a tag is kept when its
 * probability is <em>above</em> the threshold.
 *
 * @param generalThreshold    for general tags (and the rare other categories); 0.3 by default, the workflow's value
 *                            (the reference Space uses 0.35)
 * @param characterThreshold  for character tags; 0.85 by default
 * @param mcut                replace both thresholds by each category's MCut, the character one floored at 0.15
 * @param maxTags             at most this many general and character tags, the most probable first
 * @param rating              whether and where the rating tag goes
 * @param underscoresToSpaces {@code long_hair} → {@code long hair}, kaomoji ({@code ^_^}) kept
 * @param escapeParentheses   {@code (} → {@code \(} for A1111 prompts and {@code --weighted_captions}
 * @param excludedTags        tags never written, matched ignoring case, underscores versus spaces and escaping
 */
public record TaggerSettings(float generalThreshold, float characterThreshold, boolean mcut, int maxTags,
                             RatingTag rating, boolean underscoresToSpaces, boolean escapeParentheses,
                             Set<String> excludedTags) {

    public static final float DEFAULT_GENERAL_THRESHOLD = 0.3f;
    public static final float DEFAULT_CHARACTER_THRESHOLD = 0.85f;
    public static final int DEFAULT_MAX_TAGS = 30;
    /** The reference's floor for the character MCut threshold. */
    public static final float CHARACTER_MCUT_FLOOR = 0.15f;

    public TaggerSettings {
        checkThreshold("general threshold", generalThreshold);
        checkThreshold("character threshold", characterThreshold);
        if (maxTags < 1) {
            throw new IllegalArgumentException("the maximum number of tags must be at least 1, got " + maxTags);
        }
        if (rating == null) {
            throw new IllegalArgumentException("rating placement missing");
        }
        excludedTags = excludedTags == null ? Set.of() : Set.copyOf(excludedTags);
    }

    public static TaggerSettings defaults() {
        return new TaggerSettings(DEFAULT_GENERAL_THRESHOLD, DEFAULT_CHARACTER_THRESHOLD, false, DEFAULT_MAX_TAGS,
                RatingTag.NONE, true, false, Set.of());
    }

    public TaggerSettings withGeneralThreshold(float value) {
        return new TaggerSettings(value, characterThreshold, mcut, maxTags, rating, underscoresToSpaces,
                escapeParentheses, excludedTags);
    }

    public TaggerSettings withCharacterThreshold(float value) {
        return new TaggerSettings(generalThreshold, value, mcut, maxTags, rating, underscoresToSpaces,
                escapeParentheses, excludedTags);
    }

    public TaggerSettings withMcut(boolean value) {
        return new TaggerSettings(generalThreshold, characterThreshold, value, maxTags, rating, underscoresToSpaces,
                escapeParentheses, excludedTags);
    }

    public TaggerSettings withMaxTags(int value) {
        return new TaggerSettings(generalThreshold, characterThreshold, mcut, value, rating, underscoresToSpaces,
                escapeParentheses, excludedTags);
    }

    public TaggerSettings withRating(RatingTag value) {
        return new TaggerSettings(generalThreshold, characterThreshold, mcut, maxTags, value, underscoresToSpaces,
                escapeParentheses, excludedTags);
    }

    public TaggerSettings withUnderscoresToSpaces(boolean value) {
        return new TaggerSettings(generalThreshold, characterThreshold, mcut, maxTags, rating, value,
                escapeParentheses, excludedTags);
    }

    public TaggerSettings withEscapeParentheses(boolean value) {
        return new TaggerSettings(generalThreshold, characterThreshold, mcut, maxTags, rating, underscoresToSpaces,
                value, excludedTags);
    }

    public TaggerSettings withExcludedTags(Set<String> value) {
        return new TaggerSettings(generalThreshold, characterThreshold, mcut, maxTags, rating, underscoresToSpaces,
                escapeParentheses, value);
    }

    private static void checkThreshold(String name, float value) {
        if (!(value >= 0f && value <= 1f)) {
            throw new IllegalArgumentException("the " + name + " must be between 0 and 1, got " + value);
        }
    }
}
