package io.atelier.store.internal;

import io.atelier.store.StoreException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.h2.tools.Restore;

/**
 * Replaces a database file H2 cannot read: moves it (never deletes it) to {@code damaged-<timestamp>/} beside it,
 * then restores the newest backup that opens, or leaves the folder empty so the store starts afresh.
 */
public final class DamageRecovery {

    private static final DateTimeFormatter FOLDER_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * What the recovery did.
     *
     * @param notice       one sentence: what was wrong, where the file went, what was restored
     * @param startsEmpty  no backup could be restored
     * @param remarks      housekeeping that failed on the way (a scratch folder left behind)
     */
    public record Outcome(String notice, boolean startsEmpty, List<String> remarks) {
    }

    private final DatabaseFiles files;
    private final Backups backups;
    private final Clock clock;
    private final List<String> remarks = new ArrayList<>();

    public DamageRecovery(DatabaseFiles files, Backups backups, Clock clock) {
        this.files = files;
        this.backups = backups;
        this.clock = clock;
    }

    /**
     * @param problem what is wrong with the file, for "could not be read (…)"
     * @throws StoreException when the damaged file cannot be moved aside: the store cannot start without losing it
     */
    public Outcome recover(String problem) throws StoreException {
        Path damaged = files.databaseFile();
        Path aside = moveAside(problem);
        String said = "The database file " + damaged + " could not be read (" + problem + "). It was moved to "
                + aside + "; ";
        List<String> failedBackups = new ArrayList<>();
        List<Backups.Backup> candidates;
        try {
            candidates = backups.newestFirst();
        } catch (IOException e) {
            return new Outcome(said + "the backup folder " + backups.directory() + " could not be listed ("
                    + IoMessages.describe(e) + "), so the store starts empty.", true, remarks);
        }
        for (Backups.Backup backup : candidates) {
            String failure = restore(backup);
            if (failure == null) {
                String skipped = failedBackups.isEmpty() ? ""
                        : "the newer " + String.join("; ", failedBackups) + "; ";
                return new Outcome(said + skipped + "restored the backup of " + backup.takenAt().format(SHOWN)
                        + " from " + backup.file() + ".", false, remarks);
            }
            failedBackups.add("backup " + backup.file() + " could not be restored (" + failure + ")");
        }
        if (candidates.isEmpty()) {
            return new Outcome(said + "no backup was found in " + backups.directory() + ", so the store starts empty.",
                    true, remarks);
        }
        return new Outcome(said + "no backup could be restored (" + String.join("; ", failedBackups)
                + "), so the store starts empty.", true, remarks);
    }

    /** Moves the database file and H2's trace file (which says what went wrong) into a new damaged-… folder. */
    private Path moveAside(String problem) throws StoreException {
        String stamp = LocalDateTime.now(clock).format(FOLDER_STAMP);
        Path folder = files.directory().resolve("damaged-" + stamp);
        for (int n = 2; Files.exists(folder); n++) {
            folder = files.directory().resolve("damaged-" + stamp + "-" + n);
        }
        try {
            Files.createDirectory(folder);
            for (Path file : List.of(files.databaseFile(), files.traceFile())) {
                if (Files.exists(file)) {
                    Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new StoreException("The database file " + files.databaseFile() + " could not be read (" + problem
                    + ") and could not be moved aside to " + folder + " (" + IoMessages.describe(e)
                    + "); it was left where it is.", e);
        }
    }

    /**
     * Extracts the backup into a scratch folder, checks that it opens with our tables, then moves it into place.
     *
     * @return null on success, else why this backup cannot be used
     */
    private String restore(Backups.Backup backup) throws StoreException {
        Path scratch;
        try {
            scratch = Files.createTempDirectory(files.directory(), "restoring-");
        } catch (IOException e) {
            throw new StoreException("Could not create a folder to restore a backup in " + files.directory() + " ("
                    + IoMessages.describe(e) + ").", e);
        }
        DatabaseFiles restored = new DatabaseFiles(scratch);
        try {
            String failure = extractAndCheck(backup.file(), restored);
            if (failure == null) {
                Files.move(restored.databaseFile(), files.databaseFile(), StandardCopyOption.ATOMIC_MOVE);
            }
            return failure;
        } catch (IOException e) {
            throw new StoreException("Could not restore the backup " + backup.file() + " to " + files.databaseFile()
                    + " (" + IoMessages.describe(e) + ").", e);
        } finally {
            deleteScratch(scratch);
        }
    }

    private static String extractAndCheck(Path zip, DatabaseFiles restored) {
        try {
            Restore.execute(zip.toString(), restored.directory().toString(), DatabaseFiles.NAME);
        } catch (RuntimeException e) {
            // H2's Restore reports a bad zip as an unchecked DbException; here it only disqualifies this backup.
            return "it is not a readable zip: " + H2Failures.oneLine(e);
        }
        if (!Files.isRegularFile(restored.databaseFile())) {
            return "it holds no " + restored.databaseFile().getFileName();
        }
        try {
            DatabaseInspector.Inspection inspection = DatabaseInspector.inspect(restored);
            if (inspection instanceof DatabaseInspector.Damaged damaged) {
                return damaged.problem();
            }
            return null;
        } catch (SQLException e) {
            return H2Failures.oneLine(e);
        }
    }

    /**
     * The scratch folder holds only the copy extracted from a backup (which stays in the backup folder), so
     * failing to delete it costs disk space, not data: it becomes a remark, and the recovery goes on.
     */
    private void deleteScratch(Path scratch) {
        try {
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(scratch)) {
                for (Path leftover : leftovers) {
                    Files.delete(leftover);
                }
            }
            Files.delete(scratch);
        } catch (IOException e) {
            remarks.add("The scratch folder " + scratch + " could not be removed after restoring a backup ("
                    + IoMessages.describe(e) + "); delete it by hand.");
        }
    }
}
