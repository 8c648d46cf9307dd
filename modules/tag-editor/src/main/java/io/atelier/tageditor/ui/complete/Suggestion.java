package io.atelier.tageditor.ui.complete;

import io.atelier.tagger.model.TagCategory;

/**
 * A tag offered while typing.
 *
 * @param tag             as it would be inserted
 * @param datasetCount    images of this dataset that carry it
 * @param vocabularyCount the tagger vocabulary's post count, 0 when it does not know the tag
 * @param category        the tagger's category, or null when unknown
 */
public record Suggestion(String tag, int datasetCount, long vocabularyCount, TagCategory category) {
}
