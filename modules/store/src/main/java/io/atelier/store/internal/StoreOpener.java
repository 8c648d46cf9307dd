package io.atelier.store.internal;

import io.atelier.core.io.Folders;
import io.atelier.store.StoreException;
import io.atelier.store.StoreOpenReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Everything {@code Store.open} does before the repositories can be used, in this order: check the folders, take
 * the open lock, look at the file read-only, recover it if damaged, refuse it if it is from a newer version or
 * not ours, open the pool, back up and migrate if the schema is behind, make the daily backup. On an up-to-date
 * store that is one read-only look, one query and no Flyway at all.
 */
public final class StoreOpener {

    private static final Logger LOG = Logger.getLogger("io.atelier.store");
    private static final Duration OPEN_LOCK_PATIENCE = Duration.ofMinutes(2);

    /** The open pool and what happened while opening. */
    public record Opened(JdbcConnectionPool pool, StoreOpenReport report) {
    }

    private final DatabaseFiles files;
    private final Backups backups;
    private final Clock clock;
    private final List<String> notices = new ArrayList<>();
    private final List<Path> backupsMade = new ArrayList<>();
    private boolean recovered;

    private StoreOpener(Path databaseDir, Path backupDir, Clock clock) {
        this.files = new DatabaseFiles(databaseDir);
        this.backups = new Backups(backupDir.toAbsolutePath().normalize(), clock);
        this.clock = clock;
    }

    public static Opened open(Path databaseDir, Path backupDir, Clock clock) throws StoreException {
        return new StoreOpener(databaseDir, backupDir, clock).open();
    }

    private Opened open() throws StoreException {
        if (files.directory().toString().contains(";")) {
            throw new StoreException("The store folder " + files.directory() + " contains ';', which H2 cannot use "
                    + "in a database path; use another --home.");
        }
        prepareFolder(files.directory(), "store folder");
        prepareFolder(backups.directory(), "backup folder");
        Opened opened = null;
        try (OpenLock lock = acquireOpenLock()) {
            opened = openLocked();
        } catch (IOException e) {
            if (opened != null) {
                opened.pool().dispose();
            }
            throw new StoreException("Could not release the lock file " + files.openLockFile() + " ("
                    + IoMessages.describe(e) + ").", e);
        }
        return opened;
    }

    private Opened openLocked() throws StoreException {
        DatabaseInspector.Inspection inspection = inspect();
        if (inspection instanceof DatabaseInspector.Damaged damaged) {
            recover(damaged.problem());
            inspection = inspect();
            if (inspection instanceof DatabaseInspector.Damaged still) {
                throw new StoreException("The store " + files.databaseFile() + " is still unreadable after its "
                        + "recovery (" + still.problem() + ").");
            }
        }
        if (inspection instanceof DatabaseInspector.Readable readable) {
            // Decided on the read-only look, so a refused file is left byte-for-byte as it was.
            refuseIfNotOurs(readable.schema());
        }
        long sizeBeforeOpen = files.sizeOrZero();
        JdbcConnectionPool pool = JdbcConnectionPool.create(files.url(), DatabaseFiles.USER, DatabaseFiles.PASSWORD);
        try {
            SchemaState schema;
            try (Connection connection = pool.getConnection()) {
                schema = inspection instanceof DatabaseInspector.Readable readable
                        ? readable.schema() : SchemaState.read(connection);
            } catch (SQLException e) {
                if (H2Failures.isDamagedFile(e) && !recovered) {
                    // Seen only here when a stale lock file made the read-only look skip the file.
                    pool.dispose();
                    recover(H2Failures.describeDamage(e));
                    return openLocked();
                }
                throw new StoreException("Could not open the store " + files.databaseFile() + ": "
                        + H2Failures.oneLine(e), e);
            }
            if (schema.isEmpty() && sizeBeforeOpen > 0 && !recovered) {
                // Only reachable when a stale lock file (a crashed app) made the read-only look skip the file: a
                // store that had content and opens empty lost it. Migrating would write a new schema over it, so
                // it is closed, moved aside and restored like any damaged file.
                pool.dispose();
                recover("it opens as an empty database although the file has " + sizeBeforeOpen + " bytes");
                return openLocked();
            }
            refuseIfNotOurs(schema);
            int previousVersion = schema.schemaVersion();
            if (!schema.isUpToDate()) {
                migrate(pool, schema);
            }
            makeDailyBackup(pool);
            int version = SchemaVersions.major(Migrations.latestVersion());
            return new Opened(pool, new StoreOpenReport(files.databaseFile(), version, previousVersion, recovered,
                    backupsMade, notices));
        } catch (StoreException | RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    private DatabaseInspector.Inspection inspect() throws StoreException {
        try {
            return DatabaseInspector.inspect(files);
        } catch (SQLException e) {
            throw new StoreException("Could not read the store " + files.databaseFile() + ": "
                    + H2Failures.oneLine(e), e);
        }
    }

    private void recover(String problem) throws StoreException {
        DamageRecovery.Outcome outcome = new DamageRecovery(files, backups, clock).recover(problem);
        recovered = true;
        notice(outcome.notice());
        outcome.remarks().forEach(this::warning);
        if (outcome.startsEmpty()) {
            notice("Started with an empty store.");
        }
    }

    private void refuseIfNotOurs(SchemaState schema) throws StoreException {
        String latest = Migrations.latestVersion();
        if (schema.isNewerThan(latest)) {
            throw new StoreException(files.databaseFile() + " was written by a newer LoRA Atelier (schema version "
                    + schema.highestVersion().orElseThrow() + "; this version knows up to " + latest
                    + "). It was left untouched; update LoRA Atelier or use another --home.");
        }
        if (schema.isForeign()) {
            throw new StoreException(files.databaseFile() + " is not a LoRA Atelier store: it holds "
                    + schema.tableCount() + " tables but no migration history. It was left untouched; use another "
                    + "--home.");
        }
    }

    private void migrate(JdbcConnectionPool pool, SchemaState schema) throws StoreException {
        String latest = Migrations.latestVersion();
        Path backup = null;
        if (!schema.isEmpty()) {
            List<String> pruningProblems = new ArrayList<>();
            try {
                backup = backups.create(pool, "pre-migration-v" + latest, pruningProblems);
            } catch (SQLException | IOException e) {
                throw new StoreException("Could not back up the store " + files.databaseFile() + " to "
                        + backups.directory() + " before migrating it to schema version " + latest + " ("
                        + (e instanceof IOException io ? IoMessages.describe(io) : H2Failures.oneLine(e))
                        + "); it was not migrated.", e);
            }
            backupsMade.add(backup);
            notice("Backed up the store to " + backup + " before migrating to schema version " + latest + ".");
            pruningProblems.forEach(this::warning);
        }
        try {
            SchemaMigrator.migrate(pool);
        } catch (RuntimeException e) {
            // Flyway reports validation and SQL failures as unchecked exceptions with multi-line messages.
            throw new StoreException("Could not migrate the store " + files.databaseFile() + " to schema version "
                    + latest + ": " + flatten(e) + (backup == null ? "" : " The backup made before migrating is "
                    + backup + "."), e);
        }
        if (!schema.isEmpty()) {
            notice("Migrated the store from schema version " + schema.schemaVersion() + " to " + latest + ".");
        } else if (!recovered) {
            notice("Created a new store at " + files.databaseFile() + " (schema version " + latest + ").");
        }
    }

    /** A failed daily backup does not stop the app: it is reported, and the next start tries again. */
    private void makeDailyBackup(JdbcConnectionPool pool) {
        List<String> pruningProblems = new ArrayList<>();
        try {
            boolean backedUpAlready = !backupsMade.isEmpty();
            DailyBackup.runIfDue(pool, backups, LocalDate.now(clock), backedUpAlready, pruningProblems)
                    .ifPresent(backup -> {
                        backupsMade.add(backup);
                        notice("Made the daily backup " + backup + ".");
                    });
        } catch (SQLException | IOException e) {
            warning("The daily backup to " + backups.directory() + " failed ("
                    + (e instanceof IOException io ? IoMessages.describe(io) : H2Failures.oneLine(e))
                    + "); the store opened anyway, and the next start tries again.");
        }
        pruningProblems.forEach(this::warning);
    }

    private static void prepareFolder(Path folder, String role) throws StoreException {
        try {
            Path existing = Folders.nearestExisting(folder);
            if (existing != null && !existing.equals(folder.toAbsolutePath()) && Files.isDirectory(existing)
                    && !Folders.isWritable(existing)) {
                throw new StoreException("Cannot create the " + role + " " + folder
                        + " (permission denied); use another --home or fix the permissions.");
            }
            Files.createDirectories(folder);
            if (!Folders.isWritable(folder)) {
                throw new StoreException("The " + role + " " + folder + " is not writable; use another --home or fix "
                        + "the permissions.");
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the " + role + " " + folder + " (" + IoMessages.describe(e)
                    + "); use another --home or fix the permissions.", e);
        }
    }

    private OpenLock acquireOpenLock() throws StoreException {
        try {
            OpenLock lock = OpenLock.acquire(files.openLockFile(), OPEN_LOCK_PATIENCE);
            if (lock == null) {
                throw new StoreException("Another LoRA Atelier process has been opening the store in "
                        + files.directory() + " for over " + OPEN_LOCK_PATIENCE.toMinutes()
                        + " minutes (a migration or backup may be running); try again when it is done.");
            }
            return lock;
        } catch (IOException e) {
            throw new StoreException("Could not create the lock file " + files.openLockFile() + " ("
                    + IoMessages.describe(e) + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to open the store in " + files.directory() + ".", e);
        }
    }

    private void notice(String text) {
        notices.add(text);
        LOG.info(text);
    }

    private void warning(String text) {
        notices.add(text);
        LOG.warning(text);
    }

    /** Flyway's messages span lines and end in a link to its blog; the user needs the reason, on one line. */
    private static String flatten(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ")
                .replaceAll("-{3,}", "")
                .replaceAll("\\s*Need more flexibility.*$", "")
                .strip();
    }
}
