package io.atelier.tagger.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.tagger.model.TagCategory;
import io.atelier.tagger.model.TagInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagSelectorTest {

    private final List<TagInfo> vocabulary = new ArrayList<>();
    private final List<Float> probabilities = new ArrayList<>();

    private TagSelectorTest tag(String name, TagCategory category, double p) {
        vocabulary.add(new TagInfo(name, category, 0));
        probabilities.add((float) p);
        return this;
    }

    private List<String> select(TaggerSettings settings) {
        float[] p = new float[probabilities.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = probabilities.get(i);
        }
        return TagSelector.select(p, vocabulary, settings).stream().map(TagPrediction::tag).toList();
    }

    private TagSelectorTest sample() {
        return tag("general", TagCategory.RATING, 0.3).tag("sensitive", TagCategory.RATING, 0.6)
                .tag("questionable", TagCategory.RATING, 0.05).tag("explicit", TagCategory.RATING, 0.01)
                .tag("1girl", TagCategory.GENERAL, 0.99)
                .tag("long_hair", TagCategory.GENERAL, 0.8)
                .tag("smile", TagCategory.GENERAL, 0.31)
                .tag("blush", TagCategory.GENERAL, 0.3) // exactly at the threshold: out (strict)
                .tag("^_^", TagCategory.GENERAL, 0.5)
                .tag("hat_(object)", TagCategory.GENERAL, 0.45)
                .tag("hatsune_miku", TagCategory.CHARACTER, 0.9)
                .tag("kagamine_rin", TagCategory.CHARACTER, 0.84)
                .tag("bad_id", TagCategory.OTHER, 0.7);
    }

    @Test
    void defaultsKeepTagsAboveTheirCategoryThresholdMostProbableFirst() {
        assertThat(sample().select(TaggerSettings.defaults()))
                .containsExactly("1girl", "hatsune miku", "long hair", "bad id", "^_^", "hat (object)", "smile");
    }

    @Test
    void thresholdsAreStrictAndSeparatePerCategory() {
        TaggerSettings settings = TaggerSettings.defaults().withGeneralThreshold(0.31f).withCharacterThreshold(0.8f);
        assertThat(sample().select(settings)).contains("kagamine rin", "hatsune miku").doesNotContain("smile", "blush");
        assertThat(new TagSelectorTest().sample().select(TaggerSettings.defaults().withGeneralThreshold(0.29f)))
                .contains("blush");
    }

    @Test
    void atMostMaxTagsByProbability() {
        assertThat(sample().select(TaggerSettings.defaults().withMaxTags(3)))
                .containsExactly("1girl", "hatsune miku", "long hair");
    }

    @Test
    void ratingFirstOrLastNotCountedInTheMaximum() {
        assertThat(sample().select(TaggerSettings.defaults().withMaxTags(2).withRating(RatingTag.FIRST)))
                .containsExactly("sensitive", "1girl", "hatsune miku");
        assertThat(new TagSelectorTest().sample()
                .select(TaggerSettings.defaults().withMaxTags(2).withRating(RatingTag.LAST)))
                .containsExactly("1girl", "hatsune miku", "sensitive");
    }

    @Test
    void kaomojiKeepTheirUnderscoresAndUnderscoresCanStay() {
        assertThat(sample().select(TaggerSettings.defaults())).contains("^_^", "long hair");
        assertThat(new TagSelectorTest().sample().select(TaggerSettings.defaults().withUnderscoresToSpaces(false)))
                .contains("long_hair", "hatsune_miku", "^_^");
    }

    @Test
    void parenthesesAreEscapedOnlyWhenAsked() {
        assertThat(sample().select(TaggerSettings.defaults())).contains("hat (object)");
        assertThat(new TagSelectorTest().sample().select(TaggerSettings.defaults().withEscapeParentheses(true)))
                .contains("hat \\(object\\)");
    }

    @Test
    void exclusionsMatchIgnoringCaseUnderscoresAndEscapingAndFreeTheirSlot() {
        TaggerSettings settings = TaggerSettings.defaults().withMaxTags(3)
                .withExcludedTags(Set.of("1GIRL", "Hatsune Miku", "hat \\(object\\)", "sensitive"))
                .withRating(RatingTag.LAST);
        assertThat(sample().select(settings)).containsExactly("long hair", "bad id", "^_^");
    }

    @Test
    void mcutCutsAtTheLargestGapPerCategoryWithTheCharacterFloor() {
        // general and other, sorted: 0.99 0.8 0.7 | 0.5 0.45 0.31 0.3; gaps 0.19 0.1 0.2 0.05 0.14 0.01: the largest
        // is 0.7 − 0.5, the cut (0.7 + 0.5) / 2 = 0.6. Characters: 0.9 | 0.84, cut 0.87 (above the 0.15 floor).
        assertThat(sample().select(TaggerSettings.defaults().withMcut(true)))
                .containsExactly("1girl", "hatsune miku", "long hair", "bad id");
    }

    @Test
    void theCharacterMcutIsFlooredAt015() {
        tag("a", TagCategory.GENERAL, 0.9).tag("b", TagCategory.GENERAL, 0.1)
                .tag("c1", TagCategory.CHARACTER, 0.12).tag("c2", TagCategory.CHARACTER, 0.02);
        // character MCut would be 0.07 and keep c1; the floor 0.15 drops it
        assertThat(select(TaggerSettings.defaults().withMcut(true))).containsExactly("a");
    }

    @Test
    void mcutWithFewerThanTwoTagsFallsBackToTheThreshold() {
        tag("only", TagCategory.GENERAL, 0.5).tag("char", TagCategory.CHARACTER, 0.9);
        assertThat(select(TaggerSettings.defaults().withMcut(true))).containsExactly("char", "only");
        assertThat(Mcut.threshold(new float[]{0.4f})).isNaN();
        assertThat(Mcut.threshold(new float[]{0.1f, 0.9f, 0.8f})).isEqualTo((0.8f + 0.1f) / 2f);
    }

    @Test
    void tiesKeepTheCsvOrderAndNanIsNeverATag() {
        tag("b", TagCategory.GENERAL, 0.5).tag("a", TagCategory.GENERAL, 0.5).tag("n", TagCategory.GENERAL, Float.NaN);
        assertThat(select(TaggerSettings.defaults())).containsExactly("b", "a");
    }

    @Test
    void thousandsAboveALowThresholdStillGiveTheTopOnes() {
        for (int i = 0; i < 5000; i++) {
            tag("t" + i, TagCategory.GENERAL, 0.1 + (i % 997) / 2000.0);
        }
        tag("top", TagCategory.GENERAL, 0.99).tag("second", TagCategory.CHARACTER, 0.98);
        assertThat(select(TaggerSettings.defaults().withGeneralThreshold(0.05f).withMaxTags(3)))
                .containsExactly("top", "second", "t996");
    }

    @Test
    void orderHoldsForValuesOutsideZeroToOne() {
        // a model that returns logits is not a WD14 tagger, but sorting must not depend on the sign
        tag("low", TagCategory.CHARACTER, -3).tag("high", TagCategory.CHARACTER, 2.5)
                .tag("mid", TagCategory.CHARACTER, -0.5);
        assertThat(select(TaggerSettings.defaults().withCharacterThreshold(0f))).containsExactly("high");
        float[] p = {-3f, 2.5f, -0.5f};
        assertThat(TagSelector.select(p, vocabulary, TaggerSettings.defaults().withMcut(true)))
                .extracting(TagPrediction::tag).containsExactly("high");
    }

    @Test
    void probabilitiesMustMatchTheVocabulary() {
        sample();
        assertThatThrownBy(() -> TagSelector.select(new float[3], vocabulary, TaggerSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 probabilities for 13 tags");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> TaggerSettings.defaults().withGeneralThreshold(1.5f))
                .hasMessageContaining("general threshold must be between 0 and 1");
        assertThatThrownBy(() -> TaggerSettings.defaults().withMaxTags(0)).hasMessageContaining("at least 1");
        assertThat(TaggerSettings.defaults().generalThreshold()).isEqualTo(0.3f);
        assertThat(TaggerSettings.defaults().characterThreshold()).isEqualTo(0.85f);
        assertThat(TaggerSettings.defaults().maxTags()).isEqualTo(30);
    }
}
