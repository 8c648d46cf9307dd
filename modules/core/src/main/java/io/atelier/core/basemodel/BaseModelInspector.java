package io.atelier.core.basemodel;

import io.atelier.core.safetensors.PickleFormats;
import io.atelier.core.safetensors.SafetensorsFormatException;
import io.atelier.core.safetensors.SafetensorsHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Turns a checkpoint file the user picked into a {@link BaseModel} for the registry: refuses what is not a
 * safetensors checkpoint, validates its header, decides its family and hashes it. Cheap checks come first so a wrong
 * file is refused in milliseconds, not after minutes of hashing.
 */
public final class BaseModelInspector {

    private static final String EXTENSION = ".safetensors";

    private final FileHasher hasher;
    private final Clock clock;

    public BaseModelInspector() {
        this(new FileHasher(), Clock.systemUTC());
    }

    /** With a given hasher and clock, so tests can fix the registration time. */
    public BaseModelInspector(FileHasher hasher, Clock clock) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Inspects and hashes a checkpoint.
     *
     * @param nameOrNull           display name; null or blank means the file name without its extension
     * @param familyOverrideOrNull the family the user chose, or null to use the detected one. It may differ from the
     *                             detection only within one architecture (SDXL → Pony), since the tensors decide
     *                             the architecture and training with the wrong one fails
     * @throws UnsupportedModelFileException for pickle files, other extensions, directories, and files that are not
     *                                       SD 1.5 / SDXL-family checkpoints
     * @throws SafetensorsFormatException    for empty, truncated or corrupt safetensors files
     * @throws java.util.concurrent.CancellationException when cancelled while hashing
     */
    public BaseModel inspect(Path file, String nameOrNull, BaseModelFamily familyOverrideOrNull,
            FileHasher.Progress progress, BooleanSupplier cancelled) throws IOException {
        SafetensorsHeader header = readHeader(file);
        FamilyDetection detection = CheckpointFamilyDetector.detect(header);
        BaseModelFamily family = chooseFamily(file, detection, familyOverrideOrNull);
        long size = Long.BYTES + header.headerLength() + header.dataLength();
        String sha256 = hasher.sha256(file, progress, cancelled);
        if (Files.size(file) != size) {
            throw new IOException(file + ": the file changed while it was being registered (" + size + " bytes when "
                    + "its header was read, " + Files.size(file) + " now)");
        }
        return new BaseModel(name(file, nameOrNull), family, file.toAbsolutePath().normalize(), size, sha256,
                clock.instant());
    }

    /**
     * The family the checkpoint appears to be, from its header alone: fast enough to pre-fill a form before the
     * long hash starts.
     */
    public FamilyDetection detect(Path file) throws IOException {
        return CheckpointFamilyDetector.detect(readHeader(file));
    }

    /** Refuses by name and file type first, so a pickle file is never opened. */
    private static SafetensorsHeader readHeader(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UnsupportedModelFileException(file, "is a directory, not a .safetensors file (choose a "
                    + "single-file checkpoint, not a diffusers folder)");
        }
        if (PickleFormats.isPickle(file)) {
            throw new UnsupportedModelFileException(file, PickleFormats.problem(file));
        }
        if (!fileName(file).toLowerCase(Locale.ROOT).endsWith(EXTENSION)) {
            throw new UnsupportedModelFileException(file, "is not a .safetensors file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UnsupportedModelFileException(file, "is not a regular file");
        }
        return SafetensorsHeader.read(file);
    }

    private static BaseModelFamily chooseFamily(Path file, FamilyDetection detection, BaseModelFamily override)
            throws UnsupportedModelFileException {
        if (override == null) {
            return detection.family();
        }
        if (override.isSdxlArchitecture() != detection.family().isSdxlArchitecture()) {
            throw new UnsupportedModelFileException(file, "cannot be registered as " + override.displayName()
                    + ": its tensors say it is " + detection.family().displayName() + " architecture ("
                    + detection.reason() + ")");
        }
        return override;
    }

    private static String name(Path file, String nameOrNull) {
        if (nameOrNull != null && !nameOrNull.isBlank()) {
            return nameOrNull.strip();
        }
        String fileName = fileName(file);
        String stem = fileName.substring(0, fileName.length() - EXTENSION.length());
        return stem.isBlank() ? fileName : stem; // a file named just ".safetensors" still needs a name
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? "" : name.toString();
    }
}
