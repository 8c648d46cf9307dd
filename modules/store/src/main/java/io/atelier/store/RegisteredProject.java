package io.atelier.store;

import io.atelier.core.project.LoraProject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A project as the library knows it: its identity, the folder it was last seen in, and when it was registered
 * and last opened.
 *
 * @param project       id, name, trigger word, kind, base-model family, creation time
 * @param folder        absolute, normalised project folder (the one holding {@code atelier.json})
 * @param registeredAt  when it was first added to the library
 * @param lastOpened    when it was last opened in the app, or null if never
 */
public record RegisteredProject(LoraProject project, Path folder, Instant registeredAt, Instant lastOpened) {

    public RegisteredProject {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** {@link #lastOpened()} for callers that prefer not to handle null. */
    public Optional<Instant> lastOpenedIfAny() {
        return Optional.ofNullable(lastOpened);
    }
}
