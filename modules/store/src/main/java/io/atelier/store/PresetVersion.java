package io.atelier.store;

import io.atelier.core.params.TrainingConfig;
import java.time.Instant;

/**
 * One saved, immutable version of a user preset.
 *
 * @param preset  the preset's name
 * @param version 1, 2, 3, ... in the order they were saved
 * @param created when it was saved
 * @param note    what the user said about it, or null
 * @param config  the values
 */
public record PresetVersion(String preset, int version, Instant created, String note, TrainingConfig config) {
}
