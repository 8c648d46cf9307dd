package io.atelier.engine.sdscripts.tensorboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds TensorBoard event files under an sd-scripts {@code logging_dir} (reference §9): sd-scripts writes
 * {@code <logging_dir>/<log_prefix><YYYYmmddHHMMSS>/network_train/events.out.tfevents.<time>.<host>.<pid>.<n>}, one
 * run directory per training start.
 */
public final class EventFiles {

    /** The file-name prefix of every TensorBoard event file. */
    public static final String PREFIX = "events.out.tfevents.";

    /** Deep enough for {@code <run dir>/<tracker name>/<file>} plus a level of slack. */
    private static final int MAX_DEPTH = 4;

    private EventFiles() {
    }

    /**
     * Every event file under {@code loggingDir} (at most {@value #MAX_DEPTH} levels down), oldest first by modification
     * time, then by path. A missing directory gives an empty list.
     */
    public static List<Path> find(Path loggingDir) throws IOException {
        if (!Files.isDirectory(loggingDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.find(loggingDir, MAX_DEPTH, EventFiles::isEventFile)) {
            return s.sorted(Comparator.comparing(EventFiles::modified).thenComparing(Comparator.naturalOrder())).toList();
        }
    }

    /** The most recently modified event file under {@code loggingDir}, i.e. the current or last run. */
    public static Optional<Path> latest(Path loggingDir) throws IOException {
        List<Path> all = find(loggingDir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Whether the file name is an event file's ({@code events.out.tfevents.*}). */
    public static boolean isEventFileName(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(PREFIX);
    }

    private static boolean isEventFile(Path p, BasicFileAttributes a) {
        return a.isRegularFile() && isEventFileName(p);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
