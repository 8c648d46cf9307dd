package io.atelier.core.caption;

import java.nio.file.Path;

/** A caption a batch left alone, and why (unreadable, changed by another program meanwhile). */
public record CaptionProblem(Path file, String message) {
}
