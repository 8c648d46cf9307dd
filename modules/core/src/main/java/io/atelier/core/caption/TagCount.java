package io.atelier.core.caption;

/**
 * How often a tag is used.
 *
 * @param tag   the tag
 * @param count images whose caption has it
 * @param share {@code count} over all images, 0..1
 */
public record TagCount(String tag, int count, double share) {
}
