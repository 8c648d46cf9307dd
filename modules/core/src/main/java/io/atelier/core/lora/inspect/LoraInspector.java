package io.atelier.core.lora.inspect;

import io.atelier.core.safetensors.PickleFormats;
import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.core.safetensors.SafetensorsFile;
import io.atelier.core.safetensors.SafetensorsFormatException;
import io.atelier.core.safetensors.SafetensorsTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a LoRA {@code .safetensors} file into a {@link LoraReport}: its kind (kohya LoRA, LoCon, LyCORIS LoHa/LoKr,
 * DoRA), modules per part of the model, rank and alpha, the base model with the evidence for it, the trained tags
 * and the training parameters. Only the header and the 0-dimensional {@code .alpha} tensors are read.
 *
 * <p>A file that is not a safetensors file fails with the reason; a valid file with odd metadata does not: what
 * cannot be read is listed as a problem and the rest is reported.
 */
public final class LoraInspector {

    private LoraInspector() {
    }

    /**
     * @throws SafetensorsFormatException a pickle file (refused by name, never opened), a directory, or a truncated
     *                                    or invalid safetensors file; the message names the file
     * @throws NoSuchFileException        when the file does not exist
     * @throws IOException                when it cannot be read
     */
    public static LoraReport inspect(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (PickleFormats.isPickle(file)) {
            throw SafetensorsFormatException.pickle(file);
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new SafetensorsFormatException(file, "is a directory, not a .safetensors file");
        }
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            return report(st, Long.BYTES + st.header().headerLength() + st.header().dataLength());
        }
    }

    private static LoraReport report(SafetensorsFile st, long size) throws IOException {
        List<LoraProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> raw = st.metadata();
        MetadataValues metadata = new MetadataValues(raw, problems);
        if (raw.isEmpty()) {
            notes.add(LoraReport.NO_METADATA);
        }

        ModuleScan scan = ModuleScan.of(st.tensors());
        problems.addAll(scan.problems());
        Map<NetworkKind, Integer> kinds = new EnumMap<>(NetworkKind.class);
        List<Integer> ranks = new ArrayList<>();
        List<Double> alphas = new ArrayList<>();
        for (ScannedModule m : scan.modules()) {
            kinds.merge(m.kind(), 1, Integer::sum);
            ranks.add(m.rank());
            if (m.alphaKey() != null) {
                alpha(st, m.alphaKey(), problems).ifPresent(alphas::add);
            }
        }
        if (!scan.unknownKeys().isEmpty()) {
            int count = scan.unknownKeys().stream().mapToInt(KeyPattern::count).sum();
            notes.add(count + " of " + st.tensors().size() + " tensors match no known LoRA key pattern; they are "
                    + "listed as unknown keys");
        }
        RankAlpha rankAlpha = RankAlpha.of(ranks, alphas, metadata, notes);
        BaseModelReport baseModel = FamilyGuess.of(scan.modules(), metadata);
        TrainingSummary training = TrainingSummary.of(metadata);
        List<TrainedTag> tags = JsonMetadata.tags(metadata);
        List<DatasetDir> dirs = JsonMetadata.datasetDirs(metadata);
        Map<String, String> networkArgs = JsonMetadata.networkArgs(metadata);
        JsonMetadata.check(metadata);

        Map<SafetensorsDtype, Integer> dtypes = new EnumMap<>(SafetensorsDtype.class);
        for (SafetensorsTensor t : st.tensors()) {
            dtypes.merge(t.dtype(), 1, Integer::sum);
        }
        return new LoraReport(st.file(), size, st.tensors().size(), dtypes, !raw.isEmpty(), ModuleScan.overall(kinds),
                kinds, ModuleCounts.of(scan.modules()), rankAlpha, baseModel, training, tags, dirs, networkArgs,
                MetadataGroups.of(raw), scan.unknownKeys(), notes, problems);
    }

    /** A module's alpha scalar; one that is not a single number is a problem, not a failure of the report. */
    private static Optional<Double> alpha(SafetensorsFile st, String key, List<LoraProblem> problems)
            throws IOException {
        SafetensorsTensor t = st.tensor(key);
        if (t.byteLength() != t.dtype().byteSize()) {
            problems.add(new LoraProblem(key, key + " is " + t.dtype() + " " + Arrays.toString(t.shape())
                    + ", not a single number; its alpha is left out"));
            return Optional.empty();
        }
        try {
            return Optional.of((double) st.readFloats(key)[0]);
        } catch (SafetensorsFormatException e) {
            // an 8-bit float alpha: readable by nobody here, but the rest of the file is fine
            problems.add(new LoraProblem(key, e.problem() + "; its alpha is left out"));
            return Optional.empty();
        }
    }
}
