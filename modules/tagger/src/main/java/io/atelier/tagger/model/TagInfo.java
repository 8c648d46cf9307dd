package io.atelier.tagger.model;

/**
 * One row of {@code selected_tags.csv}: the tag behind one model output.
 *
 * @param name     as in the CSV, with underscores ({@code long_hair})
 * @param category its category
 * @param count    the Danbooru post count (0 when the column is missing)
 */
public record TagInfo(String name, TagCategory category, long count) {
}
