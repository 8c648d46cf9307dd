package io.atelier.core.basemodel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A checkpoint registered in the base-model registry.
 *
 * @param name       display name (defaults to the file name without extension)
 * @param family     SD 1.5, SDXL, Pony, Illustrious or other SDXL
 * @param file       absolute path of the {@code .safetensors} file
 * @param sizeBytes  file size
 * @param sha256     full SHA-256 of the file, 64 lower-case hex digits
 * @param added      when it was registered
 */
public record BaseModel(String name, BaseModelFamily family, Path file, long sizeBytes, String sha256, Instant added) {

    public BaseModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(added, "added");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
    }

    /** The Civitai-style AutoV2 short hash: the first 10 hex digits of the SHA-256, upper case. */
    public String autoV2() {
        return sha256.substring(0, 10).toUpperCase(java.util.Locale.ROOT);
    }
}
