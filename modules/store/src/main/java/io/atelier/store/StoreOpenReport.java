package io.atelier.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Store#open} did: the GUI shows the notices when {@link #recovered()} (or logs them), the command
 * line prints them to stderr.
 *
 * @param databaseFile           the database file that is now open
 * @param schemaVersion          the schema version the store is at now (always the latest this build knows)
 * @param previousSchemaVersion  the version it was at before opening; 0 for a store created by this open
 * @param recovered              the database file was damaged or unreadable and was replaced (from a backup or empty)
 * @param backupsMade            backups written during this open (before a migration, the daily one)
 * @param notices                one human-readable sentence per thing that happened, in order
 */
public record StoreOpenReport(Path databaseFile, int schemaVersion, int previousSchemaVersion, boolean recovered,
                              List<Path> backupsMade, List<String> notices) {

    public StoreOpenReport {
        Objects.requireNonNull(databaseFile, "databaseFile");
        backupsMade = List.copyOf(backupsMade);
        notices = List.copyOf(notices);
    }

    /** True when this open changed the schema of an existing store. */
    public boolean migrated() {
        return previousSchemaVersion > 0 && schemaVersion > previousSchemaVersion;
    }

    /** True when this open created the database (first start, or after a recovery that found no backup). */
    public boolean createdNew() {
        return previousSchemaVersion == 0;
    }
}
