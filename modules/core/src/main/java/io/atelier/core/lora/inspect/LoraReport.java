package io.atelier.core.lora.inspect;

import io.atelier.core.safetensors.SafetensorsDtype;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a LoRA file holds, as {@link LoraInspector} read it. Bad metadata does not stop the report: each piece that
 * could not be read is a {@link LoraProblem}, and the rest is filled in.
 *
 * @param file          the file inspected
 * @param sizeBytes     its size
 * @param tensorCount   tensors in the file
 * @param dtypes        tensors per element type, in {@link SafetensorsDtype} order
 * @param hasMetadata   false when the file has no {@code __metadata__} (or an empty one)
 * @param kind          the kind of network
 * @param moduleKinds   modules per kind; the file's kind is {@link NetworkKind#MIXED} when several differ
 * @param modules       modules per part of the model
 * @param rankAlpha     rank and alpha
 * @param baseModel     the base model, from the metadata and the keys
 * @param training      the training parameters from the metadata
 * @param tags          the trained tags, most frequent first
 * @param datasetDirs   the dataset folders of {@code ss_dataset_dirs}
 * @param networkArgs   {@code ss_network_args}
 * @param metadata      all metadata, by group
 * @param unknownKeys   tensors of no known LoRA pattern, grouped
 * @param notes         facts worth knowing that are not wrong, e.g. "no metadata"
 * @param problems      what could not be read, each naming the key
 */
public record LoraReport(Path file, long sizeBytes, int tensorCount, Map<SafetensorsDtype, Integer> dtypes,
                         boolean hasMetadata, NetworkKind kind, Map<NetworkKind, Integer> moduleKinds,
                         ModuleCounts modules, RankAlpha rankAlpha, BaseModelReport baseModel,
                         TrainingSummary training, List<TrainedTag> tags, List<DatasetDir> datasetDirs,
                         Map<String, String> networkArgs, MetadataGroups metadata, List<KeyPattern> unknownKeys,
                         List<String> notes, List<LoraProblem> problems) {

    public static final String NO_METADATA = "no metadata: the file has no __metadata__, so the training "
            + "parameters, trained tags and base model name are unknown; kind, modules, rank and alpha come from the "
            + "tensors";

    public LoraReport {
        dtypes = enumMap(SafetensorsDtype.class, dtypes);
        moduleKinds = enumMap(NetworkKind.class, moduleKinds);
        tags = List.copyOf(tags);
        datasetDirs = List.copyOf(datasetDirs);
        networkArgs = Collections.unmodifiableMap(new LinkedHashMap<>(networkArgs));
        unknownKeys = List.copyOf(unknownKeys);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    private static <K extends Enum<K>> Map<K, Integer> enumMap(Class<K> type, Map<K, Integer> values) {
        EnumMap<K, Integer> copy = new EnumMap<>(type);
        copy.putAll(values);
        return Collections.unmodifiableMap(copy);
    }

    /** {@code ss_output_name}, else {@code modelspec.title}, else the file name without {@code .safetensors}. */
    public String name() {
        if (training.outputName() != null && !training.outputName().isBlank()) {
            return training.outputName();
        }
        String title = metadata.modelspec().get("modelspec.title");
        if (title != null && !title.isBlank() && !title.equals("None")) {
            return title;
        }
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return fileName.replaceFirst("(?i)\\.safetensors$", "");
    }
}
