package io.atelier.core.project;

import io.atelier.core.basemodel.BaseModelFamily;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The identity of one LoRA project, as stored in its folder's {@code atelier.json}.
 *
 * @param id               stable identity; survives renames and moves of the folder
 * @param name             display name
 * @param triggerWord      the unique word that starts every caption
 * @param kind             style, character or concept
 * @param baseModelFamily  the family it is trained for by default
 * @param created          when the project was created
 */
public record LoraProject(UUID id, String name, String triggerWord, LoraKind kind,
                          BaseModelFamily baseModelFamily, Instant created) {

    public LoraProject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseModelFamily, "baseModelFamily");
        Objects.requireNonNull(created, "created");
        name = ProjectName.require(name);
        triggerWord = TriggerWord.require(triggerWord);
    }

    /** A new project with a fresh id, created now. */
    public static LoraProject create(String name, String triggerWord, LoraKind kind, BaseModelFamily family) {
        return new LoraProject(UUID.randomUUID(), name, triggerWord, kind, family, Instant.now());
    }
}
