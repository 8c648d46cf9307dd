package io.atelier.core.lora.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata values that sd-scripts writes as JSON: the trained tags, the dataset folders, the network arguments,
 * and the bucket and dataset descriptions. Each one that is not the JSON it should be is a problem naming its key;
 * the others are read all the same.
 */
final class JsonMetadata {

    static final String TAG_FREQUENCY = "ss_tag_frequency";
    static final String DATASET_DIRS = "ss_dataset_dirs";
    static final String NETWORK_ARGS = "ss_network_args";
    /** Read only to check them: the report shows them as the raw metadata. */
    static final List<String> CHECKED_ONLY = List.of("ss_bucket_info", "ss_datasets", "ss_reg_dataset_dirs");

    private JsonMetadata() {
    }

    /** {@code {dir: {tag: count}}} merged over the folders, most frequent first, then by tag. */
    static List<TrainedTag> tags(MetadataValues m) {
        Map<String, Long> counts = new LinkedHashMap<>();
        m.json(TAG_FREQUENCY, "the trained tags are left out").ifPresent(root -> {
            if (!root.isObject()) {
                m.problem(TAG_FREQUENCY, TAG_FREQUENCY + " is a JSON " + type(root) + ", not {folder: {tag: count}}; "
                        + "the trained tags are left out");
                return;
            }
            for (Map.Entry<String, JsonNode> dir : root.properties()) {
                if (!dir.getValue().isObject()) {
                    m.problem(TAG_FREQUENCY, TAG_FREQUENCY + " folder \"" + dir.getKey() + "\" is a JSON "
                            + type(dir.getValue()) + ", not {tag: count}; its tags are left out");
                    continue;
                }
                for (Map.Entry<String, JsonNode> tag : dir.getValue().properties()) {
                    JsonNode n = tag.getValue();
                    if (!n.canConvertToLong() || !n.isIntegralNumber()) {
                        m.problem(TAG_FREQUENCY, TAG_FREQUENCY + " tag \"" + tag.getKey() + "\" in \"" + dir.getKey()
                                + "\" has count " + n + ", not a whole number; left out");
                        continue;
                    }
                    counts.merge(tag.getKey().strip(), n.longValue(), Long::sum);
                }
            }
        });
        List<TrainedTag> tags = new ArrayList<>();
        counts.forEach((tag, count) -> tags.add(new TrainedTag(tag, count)));
        tags.sort(Comparator.comparingLong(TrainedTag::count).reversed().thenComparing(TrainedTag::tag));
        return tags;
    }

    /** {@code {dir: {"n_repeats": R, "img_count": N}}}, in the file's order. */
    static List<DatasetDir> datasetDirs(MetadataValues m) {
        List<DatasetDir> dirs = new ArrayList<>();
        m.json(DATASET_DIRS, "the dataset folders are left out").ifPresent(root -> {
            if (!root.isObject()) {
                m.problem(DATASET_DIRS, DATASET_DIRS + " is a JSON " + type(root) + ", not {folder: {n_repeats, "
                        + "img_count}}; the dataset folders are left out");
                return;
            }
            for (Map.Entry<String, JsonNode> dir : root.properties()) {
                JsonNode v = dir.getValue();
                dirs.add(new DatasetDir(dir.getKey(), whole(v.get("n_repeats")), whole(v.get("img_count"))));
            }
        });
        return dirs;
    }

    /** sd-scripts' {@code network_args} ({@code conv_dim}, {@code algo}, …), values as text. */
    static Map<String, String> networkArgs(MetadataValues m) {
        Map<String, String> args = new LinkedHashMap<>();
        m.json(NETWORK_ARGS, "the network arguments are left out").ifPresent(root -> {
            if (!root.isObject()) {
                m.problem(NETWORK_ARGS, NETWORK_ARGS + " is a JSON " + type(root) + ", not {name: value}; the "
                        + "network arguments are left out");
                return;
            }
            root.properties().forEach(e -> args.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        });
        return args;
    }

    static void check(MetadataValues m) {
        for (String key : CHECKED_ONLY) {
            m.json(key, "it is shown as written");
        }
    }

    private static Integer whole(JsonNode n) {
        return n != null && n.isIntegralNumber() && n.canConvertToInt() ? n.intValue() : null;
    }

    private static String type(JsonNode n) {
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
