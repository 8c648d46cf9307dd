package io.atelier.core.caption;

import java.nio.file.Path;

/** One caption a batch would change: as read, and after the edit. */
public record CaptionChange(Path image, CaptionText before, Caption after) {
}
