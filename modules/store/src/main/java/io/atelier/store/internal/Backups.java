package io.atelier.store.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The backup folder: zip files written by H2's {@code BACKUP TO}, named {@code store-<yyyyMMdd-HHmmss>-<reason>.zip}
 * so that the name tells when and why, and sorts by age. Only the newest {@value #KEEP} are kept.
 */
public final class Backups {

    public static final int KEEP = 7;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("store-(\\d{8}-\\d{6})-(.+)\\.zip");

    /** One backup file and the local time it was taken, read from its name. */
    public record Backup(Path file, LocalDateTime takenAt) {
    }

    private final Path directory;
    private final Clock clock;

    public Backups(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Writes a backup of the open database, then deletes the oldest beyond {@value #KEEP}.
     *
     * @param reason           ends the file name, e.g. {@code daily} or {@code pre-migration-v2}
     * @param pruningProblems  receives one sentence per old backup that could not be deleted
     * @return the new backup file
     */
    public Path create(DataSource dataSource, String reason, List<String> pruningProblems)
            throws SQLException, IOException {
        Path target = freeName(reason);
        // Written under a name the listing ignores, then renamed: a half-written zip never looks like a backup.
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.deleteIfExists(partial);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        prune(pruningProblems);
        return target;
    }

    /** All backups, newest first. */
    public List<Backup> newestFirst() throws IOException {
        List<Backup> backups = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return backups;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "store-*.zip")) {
            for (Path file : files) {
                parse(file).ifPresent(backups::add);
            }
        }
        backups.sort(Comparator.comparing(Backup::takenAt)
                .thenComparing(b -> b.file().getFileName().toString())
                .reversed());
        return backups;
    }

    /** Deletes the oldest backups beyond {@value #KEEP}; a backup that cannot be deleted is reported, not fatal. */
    void prune(List<String> problems) throws IOException {
        List<Backup> backups = newestFirst();
        for (Backup old : backups.subList(Math.min(KEEP, backups.size()), backups.size())) {
            try {
                Files.deleteIfExists(old.file());
            } catch (IOException e) {
                problems.add("Could not delete the old backup " + old.file() + " (" + IoMessages.describe(e)
                        + "); delete it by hand to free the space.");
            }
        }
    }

    private Path freeName(String reason) {
        String base = "store-" + LocalDateTime.now(clock).format(STAMP) + "-" + reason;
        Path candidate = directory.resolve(base + ".zip");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = directory.resolve(base + "-" + n + ".zip");
        }
        return candidate;
    }

    private static Optional<Backup> parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Backup(file, LocalDateTime.parse(m.group(1), STAMP)));
        } catch (DateTimeParseException e) {
            // A file that only looks like ours (store-99999999-…): not a backup this class wrote.
            return Optional.empty();
        }
    }
}
