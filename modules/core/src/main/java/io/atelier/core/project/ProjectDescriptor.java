package io.atelier.core.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads and writes {@code atelier.json}, the file that marks a folder as a LoRA project.
 * Users may edit it by hand, so reading reports exactly which field is wrong, and writing keeps
 * any fields this version does not know.
 */
public final class ProjectDescriptor {

    public static final String FILE_NAME = "atelier.json";
    /** Version of the file format this build writes and understands. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProjectDescriptor() {
    }

    public static Path fileIn(Path projectDir) {
        return projectDir.resolve(FILE_NAME);
    }

    public static boolean isProjectFolder(Path dir) {
        return Files.isRegularFile(fileIn(dir));
    }

    public static LoraProject read(Path projectDir) throws ProjectDescriptorException {
        Path file = fileIn(projectDir);
        JsonNode root = readTree(file);
        int format = root.path("formatVersion").asInt(1);
        if (format > FORMAT_VERSION) {
            throw new ProjectDescriptorException(file, "written by a newer LoRA Atelier (format " + format
                    + "; this version reads up to " + FORMAT_VERSION + ")");
        }
        try {
            return new LoraProject(
                    parseId(file, text(file, root, "id")),
                    text(file, root, "name"),
                    text(file, root, "triggerWord"),
                    parseKind(file, text(file, root, "kind")),
                    parseFamily(file, text(file, root, "baseModel")),
                    parseInstant(file, text(file, root, "created")));
        } catch (IllegalArgumentException e) {
            throw new ProjectDescriptorException(file, e.getMessage(), e);
        }
    }

    /** Writes the descriptor atomically, keeping fields of an existing file that this version does not know. */
    public static void write(Path projectDir, LoraProject project) throws IOException {
        Path file = fileIn(projectDir);
        ObjectNode root = existingTreeOrEmpty(file);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("id", project.id().toString());
        root.put("name", project.name());
        root.put("triggerWord", project.triggerWord());
        root.put("kind", project.kind().cliName());
        root.put("baseModel", project.baseModelFamily().cliName());
        root.put("created", project.created().toString());
        AtomicFiles.write(file, JSON.writeValueAsBytes(root));
    }

    private static ObjectNode existingTreeOrEmpty(Path file) {
        try {
            JsonNode existing = readTree(file);
            if (existing instanceof ObjectNode o) {
                return o;
            }
        } catch (ProjectDescriptorException unreadable) {
            // nothing to keep from a missing or broken file: the new content replaces it whole
        }
        return JSON.createObjectNode();
    }

    private static JsonNode readTree(Path file) throws ProjectDescriptorException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProjectDescriptorException(file, "not found; the folder is not a LoRA Atelier project", e);
        } catch (IOException e) {
            throw new ProjectDescriptorException(file, "cannot be read (" + e + ")", e);
        }
        if (bytes.length == 0) {
            throw new ProjectDescriptorException(file, "is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ProjectDescriptorException(file, "is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ProjectDescriptorException(file, "must hold a JSON object");
        }
        return root;
    }

    private static String text(Path file, JsonNode root, String field) throws ProjectDescriptorException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new ProjectDescriptorException(file, "field '" + field + "' is missing");
        }
        if (!n.isTextual()) {
            throw new ProjectDescriptorException(file, "field '" + field + "' must be a string, not " + n);
        }
        return n.asText();
    }

    private static UUID parseId(Path file, String id) throws ProjectDescriptorException {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProjectDescriptorException(file, "field 'id' is not a UUID: \"" + id + "\"", e);
        }
    }

    private static LoraKind parseKind(Path file, String kind) throws ProjectDescriptorException {
        try {
            return LoraKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new ProjectDescriptorException(file, "field 'kind': " + e.getMessage(), e);
        }
    }

    private static BaseModelFamily parseFamily(Path file, String family) throws ProjectDescriptorException {
        try {
            return BaseModelFamily.parse(family);
        } catch (IllegalArgumentException e) {
            throw new ProjectDescriptorException(file, "field 'baseModel': " + e.getMessage(), e);
        }
    }

    private static Instant parseInstant(Path file, String created) throws ProjectDescriptorException {
        try {
            return Instant.parse(created);
        } catch (DateTimeParseException e) {
            throw new ProjectDescriptorException(file, "field 'created' is not an ISO-8601 instant: \"" + created + "\"", e);
        }
    }
}
