package io.atelier.store;

import static io.atelier.store.StoreTestSupport.backups;
import static io.atelier.store.StoreTestSupport.clockAt;
import static io.atelier.store.StoreTestSupport.execute;
import static io.atelier.store.StoreTestSupport.rawConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.store.internal.DatabaseFiles;
import io.atelier.store.internal.Migrations;
import io.atelier.store.internal.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreMigrationTest {

    @TempDir
    Path home;

    @Test
    void aNewStoreIsCreatedAtTheLatestSchemaVersion() throws Exception {
        StoreLocation location = new StoreLocation(home);

        try (Store store = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            StoreOpenReport report = store.report();
            assertThat(report.schemaVersion()).isEqualTo(8);
            assertThat(report.createdNew()).isTrue();
            assertThat(report.migrated()).isFalse();
            assertThat(report.recovered()).isFalse();
            assertThat(report.notices()).containsExactly("Created a new store at " + home.resolve(
                    "store/atelier.mv.db") + " (schema version 8).");
            assertThat(store.databaseFile()).isEqualTo(home.resolve("store/atelier.mv.db")).exists();
            assertThat(store.projects().list()).isEmpty();
            assertThat(store.baseModels().list()).isEmpty();
        }
        assertThat(backups(location)).as("an empty store is not worth a backup").isEmpty();
        assertThat(tables(location)).contains("PROJECT", "BASE_MODEL", "APP_STATE", "TAGGER_TAG", "CONTENT_CACHE", "PRESET", "PRESET_VERSION", "RUN", "RUN_METRIC", "RUN_FILE", "SETTING", "flyway_schema_history");
    }

    @Test
    void aPreviousVersionDatabaseIsBackedUpThenMigratedKeepingItsData() throws Exception {
        StoreLocation location = new StoreLocation(home);
        databaseAtVersion1WithOneProject(location);

        try (Store store = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            StoreOpenReport report = store.report();
            assertThat(report.previousSchemaVersion()).isEqualTo(1);
            assertThat(report.schemaVersion()).isEqualTo(8);
            assertThat(report.migrated()).isTrue();
            Path preMigration = location.backupDir().resolve("store-20261129-101500-pre-migration-v8.zip");
            assertThat(report.backupsMade()).startsWith(preMigration);
            assertThat(report.notices()).startsWith(
                    "Backed up the store to " + preMigration + " before migrating to schema version 8.",
                    "Migrated the store from schema version 1 to 8.");
            assertThat(preMigration).isRegularFile();
            try (ZipFile zip = new ZipFile(preMigration.toFile())) {
                assertThat(zip.getEntry("atelier.mv.db")).isNotNull();
            }

            List<RegisteredProject> projects = store.projects().list();
            assertThat(projects).extracting(p -> p.project().name()).containsExactly("Old Friend");
            assertThat(store.projects().findByTriggerWord("OLDFRIEND")).hasSize(1);
        }
        assertThat(appliedVersions(location)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    }

    @Test
    void anUpToDateStoreOpensWithoutFlywayAndWithoutNotices() throws Exception {
        StoreLocation location = new StoreLocation(home);
        Store.open(location, clockAt("2026-11-29T10:15:00")).close();

        try (LogCapture log = new LogCapture();
             Store store = Store.open(location, clockAt("2026-11-29T11:00:00"))) {
            assertThat(store.report().notices()).isEmpty();
            assertThat(store.report().previousSchemaVersion()).isEqualTo(8);
            assertThat(store.report().createdNew()).isFalse();
            assertThat(log.linesFrom("org.flywaydb")).as("Flyway must not run on an up-to-date store").isEmpty();
        }
    }

    @Test
    void openingAndMigratingLogsNothingAtWarningLevel() throws Exception {
        StoreLocation fresh = new StoreLocation(home.resolve("fresh"));
        StoreLocation old = new StoreLocation(home.resolve("old"));
        databaseAtVersion1WithOneProject(old);
        List<String> infoLines = new ArrayList<>();

        try (LogCapture log = new LogCapture()) {
            Store.open(fresh, clockAt("2026-11-29T10:15:00")).close();
            Store.open(old, clockAt("2026-11-29T10:15:00")).close();
            Store.open(old, clockAt("2026-11-29T10:16:00")).close();

            assertThat(log.lines(Level.WARNING)).as("the app's boot test fails on any warning").isEmpty();
            assertThat(log.linesFrom("org.flywaydb")).as("Flyway logs through java.util.logging").isNotEmpty();
            infoLines.addAll(log.lines(Level.INFO));
        }
        infoLines.forEach(line -> System.out.println("[logged at open] " + line));
    }

    @Test
    void theMigrationListMatchesTheScriptsInTheResources() throws Exception {
        Path folder = Path.of(getClass().getClassLoader().getResource(Migrations.FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .as("every script in %s must be listed in Migrations.SCRIPTS, in order", Migrations.FOLDER)
                    .isEqualTo(Migrations.SCRIPTS);
        }
        assertThat(Migrations.versions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftAlone() throws Exception {
        StoreLocation location = new StoreLocation(home);
        Files.createDirectories(location.databaseDir());
        execute(location, "CREATE TABLE invoices (id INT PRIMARY KEY)", "INSERT INTO invoices VALUES (1)");

        assertThatThrownBy(() -> Store.open(location, clockAt("2026-11-29T10:15:00")))
                .isInstanceOf(StoreException.class)
                .hasMessage(home.resolve("store/atelier.mv.db") + " is not a LoRA Atelier store: it holds 1 tables but "
                        + "no migration history. It was left untouched; use another --home.");
        assertThat(tables(location)).containsExactly("INVOICES");
        assertThat(backups(location)).isEmpty();
    }

    @Test
    void aFailedMigrationInTheHistoryStopsTheOpenWithFlywaysReasonOnOneLine() throws Exception {
        StoreLocation location = new StoreLocation(home);
        databaseAtVersion1WithOneProject(location);
        execute(location, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES "
                + "(2, '2', 'app state and trigger index', 'SQL', 'V2__app_state_and_trigger_index.sql', 0, 'SA', 1, "
                + "FALSE)");
        Path backup = location.backupDir().resolve("store-20261129-101500-pre-migration-v8.zip");

        assertThatThrownBy(() -> Store.open(location, clockAt("2026-11-29T10:15:00")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not migrate the store " + home.resolve("store/atelier.mv.db")
                        + " to schema version 8: ")
                .hasMessageContaining("failed migration to version 2")
                .hasMessageEndingWith(" The backup made before migrating is " + backup + ".")
                .hasMessageNotContaining("\n");
        assertThat(backup).isRegularFile();
    }

    /** Builds what the first release of the app left behind: schema version 1 with one project in it. */
    static void databaseAtVersion1WithOneProject(StoreLocation location) throws Exception {
        Files.createDirectories(location.databaseDir());
        JdbcConnectionPool pool = JdbcConnectionPool.create(new DatabaseFiles(location.databaseDir()).url(),
                DatabaseFiles.USER, DatabaseFiles.PASSWORD);
        try {
            assertThat(SchemaMigrator.migrate(pool, "1")).isEqualTo(1);
        } finally {
            pool.dispose();
        }
        execute(location, "INSERT INTO project (id, name, trigger_word, trigger_key, kind, base_model_family, created, "
                + "folder, registered_at) VALUES (RANDOM_UUID(), 'Old Friend', 'OldFriend', 'oldfriend', 'STYLE', "
                + "'SD15', TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05+00', '/loras/old-friend', "
                + "TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05+00')");
        assertThat(appliedVersions(location)).containsExactly("1");
    }

    static List<String> appliedVersions(StoreLocation location) throws SQLException {
        return column(location, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL "
                + "ORDER BY \"installed_rank\"");
    }

    static List<String> tables(StoreLocation location) throws SQLException {
        return column(location, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'");
    }

    private static List<String> column(StoreLocation location, String query) throws SQLException {
        try (Connection connection = rawConnection(location);
             ResultSet rows = connection.createStatement().executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
