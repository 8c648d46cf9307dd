package io.atelier.core.gallery;

import java.time.Instant;
import java.util.UUID;

/** The epoch the user picked as a run's best, with an optional note. */
public record EpochPick(UUID runId, int epoch, String note, Instant picked) {
}
