package io.atelier.tageditor.ui.complete;

import io.atelier.tageditor.ui.captions.CaptionIndex;
import java.util.Collection;
import java.util.List;

/**
 * The autocomplete of one Tag editor window: this dataset's tags (from the caption index) and the tagger vocabulary
 * (when a model folder is set). Rebuilt lazily after either changes, so typing never waits for more than a lookup.
 * Event thread only.
 */
public final class SuggestionSource {

    public static final int SHOWN = 12;

    private final CaptionIndex index;
    private Vocabulary vocabulary = Vocabulary.EMPTY;
    private TagSuggestions suggestions;

    public SuggestionSource(CaptionIndex index) {
        this.index = index;
        index.addListener(images -> suggestions = null);
    }

    public void setVocabulary(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        suggestions = null;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Tags containing {@code typed}, best first, without those of the caption being edited. */
    public List<Suggestion> suggest(String typed, Collection<String> caption) {
        if (suggestions == null) {
            suggestions = new TagSuggestions(index.counts(), vocabulary);
        }
        return suggestions.suggest(typed, caption, SHOWN);
    }
}
