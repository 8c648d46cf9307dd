package io.atelier.engine.sdscripts.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A training state sd-scripts saved with {@code save_state} (reference §10.2): a {@code *-state/} folder in an output
 * folder holding accelerate's files and {@code train_state.json} = {@code {"current_epoch": E, "current_step": S}}.
 * {@code S} counts from the start of the segment that wrote it, so the run's step is {@code segment offset + S}.
 *
 * @param folder  the state folder, the {@code --resume} argument
 * @param epoch   {@code current_epoch}: epochs completed
 * @param step    {@code current_step}: steps of its segment
 * @param segment the segment whose output folder holds it
 */
public record TrainState(Path folder, int epoch, long step, Segment segment) {

    public static final String STATE_FILE = "train_state.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The run's step count at this state. */
    public long runStep() {
        return segment.stepOffset() + step;
    }

    /**
     * The state with the highest run step (a later segment and then the later-written folder on a tie) among the
     * segments' output folders; folders without {@code train_state.json} (a save cut short) are not states. A
     * {@code train_state.json} that cannot be read is an IOException naming it.
     */
    public static Optional<TrainState> newest(Path runDir, List<Segment> segments) throws IOException {
        List<TrainState> all = new ArrayList<>();
        for (Segment s : segments) {
            Path out = runDir.resolve(s.outputDir());
            if (!Files.isDirectory(out)) {
                continue;
            }
            List<Path> folders;
            try (Stream<Path> l = Files.list(out)) {
                folders = l.filter(p -> p.getFileName().toString().endsWith("-state") && Files.isDirectory(p))
                        .sorted(Comparator.comparing(TrainState::modified)).toList();
            }
            for (Path f : folders) {
                Path json = f.resolve(STATE_FILE);
                if (Files.isRegularFile(json)) {
                    all.add(read(json, s));
                }
            }
        }
        // stable sort: on equal steps the later segment, then the later-modified folder wins (last in list)
        return all.stream().sorted(Comparator.comparingLong(TrainState::runStep)).reduce((a, b) -> b);
    }

    static TrainState read(Path json, Segment segment) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(Files.readAllBytes(json));
        } catch (IOException e) {
            throw new IOException(json + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonNode e = n == null ? null : n.get("current_epoch");
        JsonNode s = n == null ? null : n.get("current_step");
        if (e == null || !e.canConvertToInt() || s == null || !s.canConvertToLong() || s.asLong() < 0) {
            throw new IOException(json + ": expected {\"current_epoch\": E, \"current_step\": S}, found " + n);
        }
        return new TrainState(json.getParent(), e.asInt(), s.asLong(), segment);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
