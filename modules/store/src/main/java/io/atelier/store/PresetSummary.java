package io.atelier.store;

import java.time.Instant;

/** A user preset as listed: its name, newest version number and when that was saved. */
public record PresetSummary(String name, int latestVersion, Instant updated) {
}
