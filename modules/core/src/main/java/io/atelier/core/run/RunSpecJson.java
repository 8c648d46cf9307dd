package io.atelier.core.run;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.params.TrainingConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@link RunSpec} as JSON: what the store keeps and what {@code runs/<id>/spec.json} holds, so a run can be
 * reproduced from either. The configuration is nested as its own JSON object, read leniently (a parameter a later
 * version removed does not make an old run unreadable).
 */
public final class RunSpecJson {

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunSpecJson() {
    }

    public static String write(RunSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT_VERSION);
        root.put("runId", spec.runId().toString());
        root.put("projectRoot", spec.projectRoot().toString());
        root.put("engine", spec.engineId());
        root.put("engineVersion", spec.engineVersion());
        root.put("preset", spec.preset());
        root.put("baseModel", spec.baseModel().toString());
        root.put("baseModelSha256", spec.baseModelSha256());
        root.put("created", spec.created().toString());
        try {
            root.set("config", JSON.readTree(spec.config().toJson()));
            ArrayNode dataset = root.putArray("dataset");
            for (DatasetEntry e : spec.dataset()) {
                ObjectNode entry = dataset.addObject();
                entry.put("file", e.file());
                entry.put("sha256", e.sha256());
                entry.put("captionSha256", e.captionHash());
            }
            return JSON.writeValueAsString(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the spec of run " + spec.runId() + " as JSON", e);
        }
    }

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public static RunSpec read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("a run spec that is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof ObjectNode)) {
            throw new IllegalArgumentException("a run spec that is not a JSON object");
        }
        List<DatasetEntry> dataset = new ArrayList<>();
        for (JsonNode e : root.path("dataset")) {
            dataset.add(new DatasetEntry(text(e, "file"), text(e, "sha256"), e.path("captionSha256").textValue()));
        }
        try {
            return new RunSpec(UUID.fromString(text(root, "runId")), Path.of(text(root, "projectRoot")),
                    text(root, "engine"), root.path("engineVersion").textValue(),
                    TrainingConfig.fromJson(root.path("config").toString(), false), root.path("preset").textValue(),
                    Path.of(text(root, "baseModel")), root.path("baseModelSha256").textValue(), dataset,
                    Instant.parse(text(root, "created")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a run spec with a bad value: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("a run spec without \"" + field + "\"");
        }
        return value.textValue();
    }
}
