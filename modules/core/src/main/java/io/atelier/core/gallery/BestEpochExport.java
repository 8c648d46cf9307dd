package io.atelier.core.gallery;

import io.atelier.core.io.AtomicFiles;
import io.atelier.core.io.FreeName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The best epoch's LoRA copied out of the run under the name users share it by: the run's {@code output_name} with
 * {@code .safetensors} (sd-scripts numbers the epoch files, which is noise once one is chosen), never over a file.
 */
public final class BestEpochExport {

    private BestEpochExport() {
    }

    /** {@code output_name} made safe as a file name; "lora" when nothing is left of it. */
    public static String cleanName(String outputName) {
        String name = outputName == null ? "" : outputName.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        name = name.replaceAll("(?i)\\.safetensors$", "").replaceAll("^[.\\s]+|[.\\s]+$", "");
        return (name.isEmpty() ? "lora" : name) + ".safetensors";
    }

    /** Where the copy goes in {@code folder}: the clean name, or the first free {@code name-N.safetensors}. */
    public static Path target(Path folder, String outputName) {
        return FreeName.of(folder.resolve(cleanName(outputName)));
    }

    /**
     * Copies atomically (a partial file never has the final name).
     *
     * @return the file written
     * @throws IOException naming the checkpoint when it is gone
     */
    public static Path export(Path checkpoint, Path folder, String outputName) throws IOException {
        if (!Files.isRegularFile(checkpoint)) {
            throw new IOException("the epoch's LoRA file " + checkpoint + " is missing");
        }
        Files.createDirectories(folder);
        Path target = target(folder, outputName);
        AtomicFiles.copy(checkpoint, target);
        return target;
    }
}
