package io.atelier.tagger.select;

/**
 * Whether the rating tag (the most probable of {@code general}, {@code sensitive}, {@code questionable},
 * {@code explicit}) goes into the caption, and where: sd-scripts' {@code --use_rating_tags} and
 * {@code --use_rating_tags_as_last_tag}. It is not counted in the maximum number of tags.
 */
public enum RatingTag {
    NONE,
    FIRST,
    LAST
}
