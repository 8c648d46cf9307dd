package io.atelier.core.params;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.io.AtomicFiles;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A project's current training configuration, in {@code configs/training.json} beside {@code atelier.json}: the
 * values and the preset they started from. A project without the file starts from the built-in preset of its base
 * model family.
 *
 * @param preset the preset the configuration started from (its name; a version number follows with the preset
 *               store)
 * @param config the values
 */
public record ProjectConfig(String preset, TrainingConfig config) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Path file(ProjectLayout layout) {
        return layout.root().resolve("configs").resolve("training.json");
    }

    /** The built-in starting point for a new project of this family. */
    public static ProjectConfig startingPoint(LoraProject project) {
        BaseModelFamily family = project.baseModelFamily();
        if (family == BaseModelFamily.SD15) {
            return new ProjectConfig(BuiltInPresets.SD15, BuiltInPresets.sd15()
                    .with(Params.OUTPUT_NAME, project.triggerWord()));
        }
        return new ProjectConfig(BuiltInPresets.UNIVERSAL_XL, BuiltInPresets.universalXl()
                .with(Params.MODEL_FAMILY, family.cliName()).with(Params.OUTPUT_NAME, project.triggerWord()));
    }

    /**
     * The project's configuration, or its starting point when it has none yet.
     *
     * @throws IOException naming the file and the problem when the file is unreadable or holds a bad value
     */
    public static ProjectConfig read(ProjectLayout layout, LoraProject project) throws IOException {
        Path file = file(layout);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return startingPoint(project);
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (!(root instanceof ObjectNode object) || !(object.get("values") instanceof ObjectNode values)) {
                throw new IOException(file + ": not a training configuration (no \"values\" object)");
            }
            String preset = object.hasNonNull("preset") ? object.get("preset").asText() : null;
            return new ProjectConfig(preset, TrainingConfig.fromJson(values.toString(), false));
        } catch (JacksonException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the configuration atomically. */
    public void write(ProjectLayout layout) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("preset", preset);
        root.set("values", JSON.readTree(config.toJson()));
        AtomicFiles.write(file(layout), JSON.writeValueAsBytes(root));
    }

    public ProjectConfig with(TrainingConfig next) {
        return new ProjectConfig(preset, next);
    }
}
