package io.atelier.dataset.ui.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.io.AtomicFiles;
import io.atelier.core.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Findings the user chose to keep ("this image is blurry on purpose"), remembered in the project in
 * {@code .atelier/kept-findings.json} so they stay dismissed across sessions and on other machines. Keyed by the image's
 * content hash: renaming or moving the image keeps the decision; editing the image asks again. Immutable.
 */
public final class KeptFindings {

    public static final KeptFindings NONE = new KeptFindings(Map.of());
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Set<FindingKind>> kept;   // content hash -> kinds

    private KeptFindings(Map<String, Set<FindingKind>> kept) {
        TreeMap<String, Set<FindingKind>> copy = new TreeMap<>();
        kept.forEach((hash, kinds) -> {
            if (!kinds.isEmpty()) {
                copy.put(hash, Set.copyOf(kinds));
            }
        });
        this.kept = copy;
    }

    /** Where the decisions of a project live. */
    public static Path fileOf(ProjectLayout layout) {
        return layout.root().resolve(".atelier").resolve("kept-findings.json");
    }

    /** The kinds kept for the image with this content hash. */
    public Set<FindingKind> of(String contentHash) {
        Set<FindingKind> k = contentHash == null ? null : kept.get(contentHash);
        return k == null ? Set.of() : k;
    }

    /** With {@code kind} kept for each of {@code hashes}. */
    public KeptFindings keep(Collection<String> hashes, FindingKind kind) {
        if (!kind.keepable()) {
            throw new IllegalArgumentException(kind.label() + " findings cannot be kept");
        }
        Map<String, Set<FindingKind>> next = new TreeMap<>(kept);
        for (String hash : hashes) {
            Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
            kinds.addAll(of(hash));
            kinds.add(kind);
            next.put(hash, kinds);
        }
        return new KeptFindings(next);
    }

    /** With nothing kept. */
    public KeptFindings forgetAll() {
        return NONE;
    }

    /** How many (image, kind) decisions there are. */
    public int size() {
        return kept.values().stream().mapToInt(Set::size).sum();
    }

    /** Reads the project's decisions; none when the file does not exist. */
    public static KeptFindings load(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException e) {
            throw new IOException(file + ": not readable as kept findings (" + e.getMessage() + ")", e);
        }
        JsonNode entries = root == null ? null : root.get("kept");
        if (entries == null || !entries.isObject()) {
            throw new IOException(file + ": no \"kept\" object");
        }
        Map<String, Set<FindingKind>> kept = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
            for (JsonNode k : e.getValue()) {
                FindingKind kind = FindingKind.byId(k.asText());
                if (kind != null && kind.keepable()) {   // a kind a newer version added: ignored, not an error
                    kinds.add(kind);
                }
            }
            kept.put(e.getKey(), kinds);
        }
        return new KeptFindings(kept);
    }

    /** Writes the decisions atomically, creating {@code .atelier/} when needed. */
    public void save(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode entries = root.putObject("kept");
        kept.forEach((hash, kinds) -> {
            ArrayNode list = entries.putArray(hash);
            kinds.stream().sorted().forEach(k -> list.add(k.id()));
        });
        Files.createDirectories(file.getParent());
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeptFindings other && kept.equals(other.kept);
    }

    @Override
    public int hashCode() {
        return kept.hashCode();
    }
}
