package io.atelier.tageditor.ui.complete;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.tagger.model.TagCategory;
import io.atelier.tagger.model.TagInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Autocomplete: substring matches, ranked by this dataset's counts, then the vocabulary's, in the dataset's style. */
class TagSuggestionsTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(List.of(
            new TagInfo("long_hair", TagCategory.GENERAL, 4_000_000),
            new TagInfo("hair_ornament", TagCategory.GENERAL, 900_000),
            new TagInfo("chair", TagCategory.GENERAL, 200_000),
            new TagInfo("parallel_speed_lines", TagCategory.GENERAL, 3_000),
            new TagInfo("hatsune_miku", TagCategory.CHARACTER, 90_000),
            new TagInfo("^_^", TagCategory.GENERAL, 20_000),
            new TagInfo("general", TagCategory.RATING, 5_000_000)), "selected_tags.csv");

    private static List<String> tags(List<Suggestion> s) {
        return s.stream().map(Suggestion::tag).toList();
    }

    @Test
    void matchesAnywhereInTheTagAcrossWords() {
        TagSuggestions s = new TagSuggestions(Map.of(), VOCABULARY);
        assertThat(tags(s.suggest("eed lin", List.of(), 10))).containsExactly("parallel speed lines");
        assertThat(tags(s.suggest("EED_LIN", List.of(), 10))).containsExactly("parallel speed lines");
    }

    @Test
    void datasetTagsComeFirstByHowManyImagesCarryThem() {
        TagSuggestions s = new TagSuggestions(Map.of("short hair", 2, "hair bow", 7), VOCABULARY);
        assertThat(tags(s.suggest("hair", List.of(), 10)))
                .containsExactly("hair bow", "short hair", "long hair", "hair ornament", "chair");
    }

    @Test
    void theExactTagLeads() {
        TagSuggestions s = new TagSuggestions(Map.of("long hair", 1, "chair", 9), VOCABULARY);
        assertThat(tags(s.suggest("chair", List.of(), 10)).get(0)).isEqualTo("chair");
        assertThat(tags(s.suggest("long hair", List.of(), 10)).get(0)).isEqualTo("long hair");
    }

    @Test
    void atEqualCountsAWordStartBeatsTheMiddleOfAWord() {
        TagSuggestions s = new TagSuggestions(Map.of("chair", 1, "hair ribbon", 1), Vocabulary.EMPTY);
        assertThat(tags(s.suggest("hair", List.of(), 10))).containsExactly("hair ribbon", "chair");
    }

    @Test
    void leavesOutTheTagsOfTheCaptionBeingEdited() {
        TagSuggestions s = new TagSuggestions(Map.of(), VOCABULARY);
        assertThat(tags(s.suggest("hair", List.of("long hair"), 10))).doesNotContain("long hair");
        assertThat(tags(s.suggest("hair", List.of("long_hair"), 10))).doesNotContain("long hair");
    }

    @Test
    void vocabularyTagsFollowTheDatasetsStyle() {
        TagSuggestions spaced = new TagSuggestions(Map.of("blue eyes", 3), VOCABULARY);
        assertThat(tags(spaced.suggest("miku", List.of(), 10))).containsExactly("hatsune miku");
        assertThat(tags(spaced.suggest("^_", List.of(), 10))).containsExactly("^_^");
        TagSuggestions underscored = new TagSuggestions(Map.of("blue_eyes", 3, "red_eyes", 1), VOCABULARY);
        assertThat(tags(underscored.suggest("miku", List.of(), 10))).containsExactly("hatsune_miku");
    }

    @Test
    void carriesCountsAndCategory() {
        TagSuggestions s = new TagSuggestions(Map.of("long hair", 4), VOCABULARY);
        Suggestion top = s.suggest("long", List.of(), 10).get(0);
        assertThat(top).isEqualTo(new Suggestion("long hair", 4, 4_000_000, TagCategory.GENERAL));
        assertThat(s.suggest("miku", List.of(), 10).get(0).category()).isEqualTo(TagCategory.CHARACTER);
    }

    @Test
    void blankTextSuggestsNothingAndTheLimitHolds() {
        TagSuggestions s = new TagSuggestions(Map.of(), VOCABULARY);
        assertThat(s.suggest("  ", List.of(), 10)).isEmpty();
        assertThat(s.suggest("a", List.of(), 2)).hasSize(2);
    }

    @Test
    void theVocabularyFindsCaptionTagsInEitherForm() {
        assertThat(VOCABULARY.category("Hatsune Miku")).isEqualTo(TagCategory.CHARACTER);
        assertThat(VOCABULARY.category("long_hair")).isEqualTo(TagCategory.GENERAL);
        assertThat(VOCABULARY.category("no such tag")).isNull();
    }
}
