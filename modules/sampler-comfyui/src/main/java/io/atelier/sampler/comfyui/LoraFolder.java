package io.atelier.sampler.comfyui;

import io.atelier.core.basemodel.FileHasher;
import io.atelier.core.io.AtomicFiles;
import io.atelier.core.safetensors.PickleFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * ComfyUI's {@code models/loras} folder, where LoRA files must be for its LoraLoader to see them. A LoRA is copied
 * into {@code atelier/} under its name plus the first 10 hex digits of its SHA-256, so the epochs and runs of one
 * project (all called {@code mychar.safetensors} or {@code mychar-000004.safetensors}) never overwrite each other, and
 * a file already there with the same bytes is used as it is. Hashes are remembered per file state, because a gallery
 * asks for the same LoRA once per prompt.
 */
final class LoraFolder {

    static final String SUBFOLDER = "atelier";
    private static final int HASH_DIGITS = 10;

    private final Path root;
    private final FileHasher hasher = new FileHasher();
    private final Map<FileState, String> hashes = new HashMap<>();
    private int copies;

    LoraFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** How many files this folder copied; the rest were there already. */
    int copies() {
        return copies;
    }

    /**
     * Puts the LoRA into the folder unless it is there already.
     *
     * @return its name under the loras folder, {@code /}-separated: {@code atelier/mychar-0123456789.safetensors}
     * @throws RequestFailure when the LoRA is missing or a pickle file, or the folder does not exist
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true while hashing
     */
    String stage(Path lora, BooleanSupplier cancelled) throws IOException, RequestFailure {
        if (PickleFormats.isPickle(lora)) {
            throw new RequestFailure(PickleFormats.refusal(lora));
        }
        if (!Files.isRegularFile(lora)) {
            throw new RequestFailure("LoRA file " + lora + " does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new RequestFailure("ComfyUI's loras folder " + root + " does not exist; set it to the models/loras "
                    + "folder of the ComfyUI you run");
        }
        String hash = sha256(lora, cancelled);
        String file = lora.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String name = (dot > 0 ? file.substring(0, dot) : file) + "-" + hash.substring(0, HASH_DIGITS)
                + (dot > 0 ? file.substring(dot) : "");
        Path target = root.resolve(SUBFOLDER).resolve(name);
        if (!sameBytes(target, Files.size(lora), hash, cancelled)) {
            AtomicFiles.copy(lora, target);
            copies++;
        }
        return SUBFOLDER + "/" + name;
    }

    private boolean sameBytes(Path target, long size, String hash, BooleanSupplier cancelled) throws IOException {
        if (!Files.isRegularFile(target) || Files.size(target) != size) {
            return false;
        }
        // the name says which bytes it should hold; a file cut short or edited since must not be loaded as them
        return sha256(target, cancelled).equals(hash);
    }

    private String sha256(Path file, BooleanSupplier cancelled) throws IOException {
        FileState state = FileState.of(file);
        String known = hashes.get(state);
        if (known == null) {
            known = hasher.sha256(file, FileHasher.Progress.NONE, cancelled);
            hashes.put(state, known);
        }
        return known;
    }

    /** A file as it is now: a change of size or time means its hash must be computed again. */
    private record FileState(Path file, long size, long modified) {

        static FileState of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileState(file.toAbsolutePath().normalize(), a.size(), a.lastModifiedTime().toMillis());
        }
    }
}
