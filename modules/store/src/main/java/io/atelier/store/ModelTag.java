package io.atelier.store;

import java.time.Instant;

/**
 * A tag a tagger model wrote into an image's caption.
 *
 * @param tag         the tag as written
 * @param category    the tagger's category ({@code GENERAL}, {@code CHARACTER}, {@code RATING}, ...)
 * @param probability the model's confidence, 0..1
 * @param model       which model (its folder name)
 * @param taggedAt    when
 */
public record ModelTag(String tag, String category, float probability, String model, Instant taggedAt) {
}
