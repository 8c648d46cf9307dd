package io.atelier.engine.sdscripts.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code runs/<id>/segments.json}: the launches of a run in order, so a resume knows which folders hold earlier
 * states and at which step the run's count stands. Written atomically; folders are stored relative to the run folder
 * so a moved project still resolves them.
 */
public final class Segments {

    public static final String FILE_NAME = "segments.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Segments() {
    }

    public static Path file(Path runDir) {
        return runDir.resolve(FILE_NAME);
    }

    /**
     * The segments recorded for the run; a run folder without the file (written by an older build, or never
     * started) counts as the first segment alone. A damaged file is an IOException naming it.
     */
    public static List<Segment> read(Path runDir) throws IOException {
        Path f = file(runDir);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(f));
        } catch (NoSuchFileException e) {
            return List.of(Segment.first());
        } catch (IOException e) {
            throw new IOException(f + ": not valid JSON: " + e.getMessage(), e);
        }
        List<Segment> out = new ArrayList<>();
        for (JsonNode n : root.path("segments")) {
            try {
                out.add(new Segment(n.path("index").asInt(), text(n, "outputDir", f), text(n, "loggingDir", f),
                        text(n, "configFile", f), n.path("stepOffset").asLong(-1),
                        Optional.ofNullable(n.path("resumedFrom").textValue())));
            } catch (IllegalArgumentException e) {
                throw new IOException(f + ": bad segment entry " + n + ": " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IOException(f + ": lists no segments");
        }
        return List.copyOf(out);
    }

    public static void write(Path runDir, List<Segment> segments) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode a = root.putArray("segments");
        for (Segment s : segments) {
            ObjectNode n = a.addObject();
            n.put("index", s.index());
            n.put("outputDir", s.outputDir());
            n.put("loggingDir", s.loggingDir());
            n.put("configFile", s.configFile());
            n.put("stepOffset", s.stepOffset());
            s.resumedFrom().ifPresent(r -> n.put("resumedFrom", r));
        }
        AtomicFiles.write(file(runDir), JSON.writeValueAsBytes(root));
    }

    private static String text(JsonNode n, String field, Path f) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" missing in " + f);
        }
        return v.textValue();
    }
}
