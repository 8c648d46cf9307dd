package io.atelier.tagger.select;

import io.atelier.core.caption.Tags;
import io.atelier.tagger.model.TagCategory;
import io.atelier.tagger.model.TagInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses an image's caption tags from the model's probabilities (reference/wd14-tagger.md §6–§10): general and
 * character tags above their thresholds (or MCut), excluded tags dropped, the most probable first, at most
 * {@code maxTags}; then the rating tag first or last if asked for. General tags and the rare other categories share
 * the general threshold. Ties keep the CSV order.
 */
public final class TagSelector {

    private TagSelector() {
    }

    public static List<TagPrediction> select(float[] probabilities, List<TagInfo> vocabulary,
                                             TaggerSettings settings) {
        if (probabilities.length != vocabulary.size()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + vocabulary.size()
                    + " tags");
        }
        Set<String> excluded = new HashSet<>();
        for (String tag : settings.excludedTags()) {
            excluded.add(matchKey(tag));
        }
        float general = settings.generalThreshold();
        float character = settings.characterThreshold();
        if (settings.mcut()) {
            float cut = Mcut.threshold(probabilitiesOf(probabilities, vocabulary, false));
            general = Float.isNaN(cut) ? general : cut;
            cut = Mcut.threshold(probabilitiesOf(probabilities, vocabulary, true));
            character = Float.isNaN(cut) ? character : Math.max(TaggerSettings.CHARACTER_MCUT_FLOOR, cut);
        }
        // candidates as (probability descending, CSV index ascending) sort keys: a low threshold can let thousands
        // through, which must stay cheap; exclusions are checked only while filling the maxTags slots
        long[] candidates = new long[probabilities.length];
        int count = 0;
        int rating = -1;
        for (int i = 0; i < probabilities.length; i++) {
            float p = probabilities[i];
            TagCategory category = vocabulary.get(i).category();
            if (Float.isNaN(p)) {
                continue;
            }
            if (category == TagCategory.RATING) {
                if (rating < 0 || p > probabilities[rating]) {
                    rating = i;
                }
            } else if (p > (category == TagCategory.CHARACTER ? character : general)) {
                candidates[count++] = descendingKey(p, i);
            }
        }
        Arrays.sort(candidates, 0, count);
        List<TagPrediction> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < count && chosen.size() < settings.maxTags(); c++) {
            int i = (int) candidates[c];
            TagInfo tag = vocabulary.get(i);
            if (!excluded.isEmpty() && excluded.contains(matchKey(tag.name()))) {
                continue;
            }
            TagPrediction prediction = prediction(tag, probabilities[i], settings);
            if (seen.add(prediction.tag())) {
                chosen.add(prediction);
            }
        }
        if (rating >= 0 && settings.rating() != RatingTag.NONE
                && !excluded.contains(matchKey(vocabulary.get(rating).name()))) {
            TagPrediction prediction = prediction(vocabulary.get(rating), probabilities[rating], settings);
            if (seen.add(prediction.tag())) {
                chosen.add(settings.rating() == RatingTag.FIRST ? 0 : chosen.size(), prediction);
            }
        }
        return List.copyOf(chosen);
    }

    /** The probabilities of the character tags, or of the general (and other) tags; NaN left out. */
    private static float[] probabilitiesOf(float[] probabilities, List<TagInfo> vocabulary, boolean characters) {
        float[] out = new float[probabilities.length];
        int n = 0;
        for (int i = 0; i < probabilities.length; i++) {
            TagCategory category = vocabulary.get(i).category();
            if (category != TagCategory.RATING && (category == TagCategory.CHARACTER) == characters
                    && !Float.isNaN(probabilities[i])) {
                out[n++] = probabilities[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Sorts ascending as probability descending, then index ascending (any float order, negatives included). */
    private static long descendingKey(float probability, int index) {
        int bits = Float.floatToIntBits(probability);
        int ascending = bits ^ ((bits >> 31) & 0x7FFFFFFF);
        return (long) ~ascending << 32 | index;
    }

    private static TagPrediction prediction(TagInfo tag, float probability, TaggerSettings settings) {
        String text = tag.name();
        if (settings.underscoresToSpaces()) {
            text = Tags.underscoresToSpaces(text);
        }
        if (settings.escapeParentheses()) {
            text = Tags.escapeParentheses(text);
        }
        return new TagPrediction(text, tag.category(), probability);
    }

    /** How an excluded tag is matched: case, underscores versus spaces and escaping do not matter. */
    static String matchKey(String tag) {
        String plain = tag.replace("\\(", "(").replace("\\)", ")").toLowerCase(Locale.ROOT);
        return Tags.normalise(Tags.underscoresToSpaces(plain.strip()));
    }
}
