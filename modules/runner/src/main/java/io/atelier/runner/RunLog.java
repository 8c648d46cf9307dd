package io.atelier.runner;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * A run's log, {@code runs/<id>/run.log}: every line the engine printed, in UTF-8, appended as it comes, so the log
 * survives the app and its tail can say why a run was interrupted.
 */
public final class RunLog {

    public static final String FILE_NAME = "run.log";

    private RunLog() {
    }

    public static Path file(Path runDir) {
        return runDir.resolve(FILE_NAME);
    }

    /** Appends lines; the run folder is made again if it was deleted meanwhile. */
    static void append(Path runDir, List<String> lines) throws IOException {
        Files.createDirectories(runDir);
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        Files.writeString(file(runDir), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The last {@code count} lines of the log; empty when there is none. */
    public static List<String> tail(Path runDir, int count) {
        Path log = file(runDir);
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
            long length = in.length();
            int window = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[window];
            in.seek(length - window);
            in.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            int from = Math.max(window < length ? 1 : 0, lines.length - count);
            return Arrays.asList(lines).subList(Math.min(from, lines.length), lines.length).stream()
                    .filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }
}
