package io.atelier.core.lora.inspect;

import java.util.Objects;

/**
 * Something wrong in a LoRA file that the rest of the report does not depend on, e.g. metadata that is not the JSON
 * it should be.
 *
 * @param key     the metadata key or tensor the problem is about; null when it is about the file as a whole
 * @param message one sentence that names the key and the problem
 */
public record LoraProblem(String key, String message) {

    public LoraProblem {
        Objects.requireNonNull(message, "message");
    }
}
