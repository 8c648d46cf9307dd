package io.atelier.core.safetensors;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises pickle-based model files by their extension alone. Unpickling runs whatever code the file contains, so
 * these files are refused before anything opens them: the decision must never depend on reading the file.
 */
public final class PickleFormats {

    /** PyTorch/Lightning checkpoints ({@code .ckpt}, {@code .pt}, {@code .pth}), diffusers/transformers weights
     *  ({@code .bin}) and raw pickles. */
    public static final Set<String> EXTENSIONS = Set.of("ckpt", "pt", "pth", "bin", "pkl", "pickle");

    private PickleFormats() {
    }

    /** True when the file name ends in a pickle extension (case-insensitive). */
    public static boolean isPickle(Path file) {
        return pickleExtension(file).isPresent();
    }

    /** The pickle extension of the file name, lower case and without the dot, if it has one. */
    public static Optional<String> pickleExtension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = s.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.contains(ext) ? Optional.of(ext) : Optional.empty();
    }

    /**
     * The message that refuses a pickle file, e.g. "model.ckpt is a pickle-based checkpoint (.ckpt). LoRA Atelier
     * loads only .safetensors files, because pickle files can run arbitrary code when loaded. Convert it to
     * .safetensors first."
     *
     * @throws IllegalArgumentException when the file is not a pickle format
     */
    public static String refusal(Path file) {
        return file + " " + problem(file);
    }

    /** The refusal without the leading file, for an exception or a UI that names the file itself. */
    public static String problem(Path file) {
        String ext = pickleExtension(file).orElseThrow(() ->
                new IllegalArgumentException(file + " does not have a pickle extension " + EXTENSIONS));
        return "is a pickle-based checkpoint (." + ext + "). LoRA Atelier loads only .safetensors files, because "
                + "pickle files can run arbitrary code when loaded. Convert it to .safetensors first.";
    }
}
