package io.atelier.store;

import static io.atelier.store.StoreTestSupport.backups;
import static io.atelier.store.StoreTestSupport.clockAt;
import static io.atelier.store.StoreTestSupport.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTest {

    @TempDir
    Path home;

    @Test
    void theFirstOpenOfEachDayBacksUpAStoreThatHoldsSomething() throws Exception {
        StoreLocation location = new StoreLocation(home);
        try (Store store = Store.open(location, clockAt("2026-11-28T09:00:00"))) {
            assertThat(store.report().backupsMade()).as("nothing to back up in a new store").isEmpty();
            store.projects().register(project("Ayla", "ayla"), home.resolve("loras/ayla"));
        }

        Path first;
        try (Store store = Store.open(location, clockAt("2026-11-28T10:00:00"))) {
            first = location.backupDir().resolve("store-20261128-100000-daily.zip");
            assertThat(store.report().backupsMade()).containsExactly(first);
            assertThat(store.report().notices()).containsExactly("Made the daily backup " + first + ".");
        }
        try (Store store = Store.open(location, clockAt("2026-11-28T23:59:59"))) {
            assertThat(store.report().backupsMade()).as("one per day").isEmpty();
            assertThat(store.report().notices()).isEmpty();
        }
        try (Store store = Store.open(location, clockAt("2026-11-29T00:00:01"))) {
            assertThat(store.report().backupsMade())
                    .containsExactly(location.backupDir().resolve("store-20261129-000001-daily.zip"));
        }

        assertThat(backups(location)).extracting(p -> p.getFileName().toString())
                .containsExactly("store-20261128-100000-daily.zip", "store-20261129-000001-daily.zip");
        assertThat(Files.size(first)).isPositive();
    }

    @Test
    void onlyTheNewestSevenBackupsAreKept() throws Exception {
        StoreLocation location = new StoreLocation(home);
        try (Store store = Store.open(location, clockAt("2026-11-01T08:00:00"))) {
            store.projects().register(project("Ayla", "ayla"), home.resolve("loras/ayla"));
        }
        // Something that is not one of our backups is never touched by the rotation.
        Files.writeString(location.backupDir().resolve("notes.txt"), "mine");

        for (int day = 2; day <= 11; day++) {
            Store.open(location, clockAt(String.format("2026-11-%02dT08:00:00", day))).close();
        }

        List<String> kept = backups(location).stream().map(p -> p.getFileName().toString()).toList();
        assertThat(kept).containsExactly(
                "store-20261105-080000-daily.zip", "store-20261106-080000-daily.zip",
                "store-20261107-080000-daily.zip", "store-20261108-080000-daily.zip",
                "store-20261109-080000-daily.zip", "store-20261110-080000-daily.zip",
                "store-20261111-080000-daily.zip");
        assertThat(location.backupDir().resolve("notes.txt")).hasContent("mine");
        try (var leftovers = Files.list(location.backupDir())) {
            assertThat(leftovers.filter(f -> f.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void twoBackupsInTheSameSecondGetDistinctNames() throws Exception {
        StoreLocation location = new StoreLocation(home);
        StoreMigrationTest.databaseAtVersion1WithOneProject(location);
        Files.createDirectories(location.backupDir());
        Files.writeString(location.backupDir().resolve("store-20261129-101500-pre-migration-v8.zip"), "older");

        try (Store store = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            assertThat(store.report().backupsMade())
                    .containsExactly(location.backupDir().resolve("store-20261129-101500-pre-migration-v8-2.zip"));
        }
        assertThat(location.backupDir().resolve("store-20261129-101500-pre-migration-v8.zip")).hasContent("older");
    }
}
