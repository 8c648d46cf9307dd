package io.atelier.core.project;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file in the project's {@code .trash/}.
 *
 * @param trashed          where it lies now, under {@code .trash/<time>/}
 * @param originalLocation where it came from, and where {@link ProjectTrash#restore} puts it back
 * @param trashedAt        when it was moved there
 */
public record TrashedFile(Path trashed, Path originalLocation, Instant trashedAt) {
}
