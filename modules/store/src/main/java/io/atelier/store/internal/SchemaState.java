package io.atelier.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a database holds, as far as opening it is concerned: the migrations Flyway recorded, or, without a
 * history table, how many tables it has. Read with one query when the store is up to date, so that a start of
 * the command line does not load Flyway at all.
 *
 * @param hasHistory       Flyway's history table exists
 * @param tableCount       tables in the PUBLIC schema, counted only when there is no history table
 * @param appliedVersions  versions of the successfully applied migrations, in ascending order
 * @param failedMigration  the history records a migration that failed
 */
public record SchemaState(boolean hasHistory, int tableCount, List<String> appliedVersions, boolean failedMigration) {

    static final String HISTORY_TABLE = "flyway_schema_history";

    public SchemaState {
        appliedVersions = appliedVersions.stream().sorted(SchemaVersions::compare).toList();
    }

    public static SchemaState read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY_TABLE
                     + "\" WHERE \"version\" IS NOT NULL AND \"type\" <> 'SCHEMA'")) {
            List<String> applied = new ArrayList<>();
            boolean failed = false;
            while (rows.next()) {
                if (rows.getBoolean(2)) {
                    applied.add(rows.getString(1));
                } else {
                    failed = true;
                }
            }
            return new SchemaState(true, -1, applied, failed);
        } catch (SQLException e) {
            if (!H2Failures.isMissingTable(e)) {
                throw e;
            }
            return new SchemaState(false, countTables(connection), List.of(), false);
        }
    }

    private static int countTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** A database without any table: just created, or a file whose contents are gone. */
    public boolean isEmpty() {
        return !hasHistory && tableCount == 0;
    }

    /** Tables, but not ours: some other application's H2 database. */
    public boolean isForeign() {
        return !hasHistory && tableCount > 0;
    }

    /** Exactly the migrations this build knows were applied, and none failed: nothing for Flyway to do. */
    public boolean isUpToDate() {
        return hasHistory && !failedMigration && appliedVersions.equals(Migrations.versions());
    }

    public Optional<String> highestVersion() {
        return appliedVersions.isEmpty() ? Optional.empty()
                : Optional.of(appliedVersions.get(appliedVersions.size() - 1));
    }

    /** True when a later LoRA Atelier migrated this database beyond what this build knows. */
    public boolean isNewerThan(String latestKnown) {
        return highestVersion().map(v -> SchemaVersions.compare(v, latestKnown) > 0).orElse(false);
    }

    /** The schema version for reports; 0 when nothing was applied yet. */
    public int schemaVersion() {
        return highestVersion().map(SchemaVersions::major).orElse(0);
    }
}
