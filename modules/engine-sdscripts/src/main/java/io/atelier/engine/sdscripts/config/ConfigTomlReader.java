package io.atelier.engine.sdscripts.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.params.ParamDef;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.importing.ImportReport;
import io.atelier.engine.sdscripts.importing.ImportResult;
import io.atelier.engine.sdscripts.importing.NodeValues;
import io.atelier.engine.sdscripts.toml.TomlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads an sd-scripts {@code --config_file} TOML (ours, kohya_ss GUI's {@code config_lora-*.toml}, a hand-written
 * one) into a {@link TrainingConfig}. Like sd-scripts, top-level tables are flattened one level (§3). Values are
 * taken strictly in their TOML type, because that is how sd-scripts uses them: a quoted {@code "4"} for
 * {@code max_train_epochs} is reported, not repaired.
 */
public final class ConfigTomlReader {

    /** Keys that describe the run's files and logging, not a training parameter. */
    private static final Set<String> RUN_KEYS = Set.of("pretrained_model_name_or_path", "dataset_config",
            "output_dir", "logging_dir", "save_model_as", "console_log_simple", "train_data_dir", "reg_data_dir",
            "sample_prompts");

    private ConfigTomlReader() {
    }

    public static ImportResult read(Path file, TrainingConfig base) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8), file.toString(), base);
    }

    /**
     * {@code text} onto {@code base}; {@code source} names the file in messages. A TOML syntax error is an
     * {@link IllegalArgumentException}; bad values end up in the report.
     */
    public static ImportResult read(String text, String source, TrainingConfig base) {
        Map<String, JsonNode> flat = flatten(TomlText.parse(text, source));
        ImportReport.Builder report = new ImportReport.Builder();
        TrainingConfig c = base;
        for (Map.Entry<String, JsonNode> e : flat.entrySet()) {
            try {
                c = apply(c, e.getKey(), e.getValue(), report);
            } catch (IllegalArgumentException ex) {
                report.problem(ex.getMessage());
            }
        }
        if (flat.containsKey("sample_prompts")) {
            report.note("sample_prompts is a file path; its prompts were not read");
        }
        report.note("model_family kept as " + base.getString(Params.MODEL_FAMILY)
                + ": an sd-scripts config does not say which family its base model is");
        return new ImportResult(c, report.build());
    }

    private static TrainingConfig apply(TrainingConfig c, String key, JsonNode v, ImportReport.Builder report) {
        switch (key) {
            case "resolution":
                return c.with(Params.RESOLUTION, Resolutions.fromConfigString(key, v, report));
            case "sdpa", "xformers":
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException(key + ": expected true or false, found "
                            + NodeValues.describe(v));
                }
                return v.booleanValue() ? c.with(Params.ATTENTION, key) : c;
            case "text_encoder_lr":
                // sd-scripts' networks.lora uses the first value for both text encoders (§1).
                return c.with(Params.TEXT_ENCODER_LR, NodeValues.strict(Params.TEXT_ENCODER_LR, key,
                        v.isArray() && !v.isEmpty() ? v.get(0) : v));
            case "optimizer_args":
                return c.with(Params.OPTIMIZER_ARGS, optimizerArgs(v));
            case "dataset_repeats":
                return c.with(Params.REPEATS, NodeValues.strict(Params.REPEATS, key, v));
            case "lr_warmup_steps":
                if (v.isFloatingPointNumber()) {
                    throw new IllegalArgumentException("lr_warmup_steps: " + v
                            + " is a ratio of the total steps; only a step count can be imported");
                }
                return c.with(Params.LR_WARMUP_STEPS, NodeValues.strict(Params.LR_WARMUP_STEPS, key, v));
            default:
                break;
        }
        if (RUN_KEYS.contains(key)) {
            report.ignored(key, v);
            return c;
        }
        ParamDef def = Params.byKey(key).filter(ConfigTomlReader::isSdScriptsKey).orElse(null);
        if (def == null) {
            report.ignored(key, v);
            return c;
        }
        return c.with(def, NodeValues.strict(def, key, v));
    }

    /** Our own keys that sd-scripts does not have never come from its config file. */
    private static boolean isSdScriptsKey(ParamDef def) {
        return !Set.of("model_family", "base_model", "attention", "sample_seed", "num_repeats", "sample_prompts")
                .contains(def.key());
    }

    private static String optimizerArgs(JsonNode v) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("optimizer_args: expected an array of \"key=value\" strings, found "
                    + NodeValues.describe(v));
        }
        StringJoiner lines = new StringJoiner("\n");
        for (JsonNode a : v) {
            if (!a.isTextual()) {
                throw new IllegalArgumentException("optimizer_args: expected \"key=value\" strings, found "
                        + NodeValues.describe(a));
            }
            lines.add(a.asText());
        }
        return lines.toString();
    }

    /** Top-level tables flattened one level, later keys winning, as train_util.py does. */
    private static Map<String, JsonNode> flatten(ObjectNode root) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        for (var e : root.properties()) {
            if (e.getValue().isObject()) {
                e.getValue().properties().forEach(inner -> flat.put(inner.getKey(), inner.getValue()));
            } else {
                flat.put(e.getKey(), e.getValue());
            }
        }
        return flat;
    }
}
