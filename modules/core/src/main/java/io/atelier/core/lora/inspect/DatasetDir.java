package io.atelier.core.lora.inspect;

/**
 * One dataset folder of {@code ss_dataset_dirs}: its name (e.g. {@code 10_mychar}), repeats and image count; a
 * value the file does not give is null.
 */
public record DatasetDir(String name, Integer repeats, Integer images) {
}
