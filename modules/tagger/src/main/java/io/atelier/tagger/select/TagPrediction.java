package io.atelier.tagger.select;

import io.atelier.tagger.model.TagCategory;

/**
 * A tag the tagger chose for an image.
 *
 * @param tag         as it goes into the caption (underscores and parentheses as the settings say)
 * @param category    its category in the model's CSV
 * @param probability the model's output for it, 0–1
 */
public record TagPrediction(String tag, TagCategory category, float probability) {
}
