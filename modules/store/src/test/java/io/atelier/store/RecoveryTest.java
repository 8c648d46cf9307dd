package io.atelier.store;

import static io.atelier.store.StoreTestSupport.backups;
import static io.atelier.store.StoreTestSupport.clockAt;
import static io.atelier.store.StoreTestSupport.damagedFolders;
import static io.atelier.store.StoreTestSupport.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {

    @TempDir
    Path home;

    private StoreLocation location;
    private Path databaseFile;

    @Test
    void aGarbageFileIsMovedAsideAndTheNewestBackupRestored() throws Exception {
        Path backup = storeWithTwoProjectsAndADailyBackup();
        try (Store store = Store.open(location, clockAt("2026-11-28T11:00:00"))) {
            store.projects().register(project("Made after the backup", "late"), home.resolve("loras/late"));
        }
        byte[] garbage = randomBytes(20_000);
        Files.write(databaseFile, garbage);

        try (Store store = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            Path aside = location.databaseDir().resolve("damaged-20261129-101500");
            StoreOpenReport report = store.report();
            assertThat(report.recovered()).isTrue();
            assertThat(report.notices().get(0))
                    .startsWith("The database file " + databaseFile + " could not be read (it is corrupted")
                    .endsWith("). It was moved to " + aside + "; restored the backup of 2026-11-28 10:00 from "
                            + backup + ".");
            assertThat(store.projects().list()).extracting(p -> p.project().name())
                    .containsExactly("Ayla", "Brush");
            assertThat(aside.resolve("atelier.mv.db")).hasBinaryContent(garbage);
        }
        assertThat(backup).as("the backup stays where it was").isRegularFile();
    }

    @Test
    void withoutABackupTheStoreStartsEmptyAndSaysSo() throws Exception {
        location = new StoreLocation(home);
        databaseFile = location.databaseDir().resolve("atelier.mv.db");
        Files.createDirectories(location.databaseDir());
        Files.writeString(databaseFile, "this is not an H2 database, just some text that was written here\n");

        try (Store store = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            StoreOpenReport report = store.report();
            Path aside = location.databaseDir().resolve("damaged-20261129-101500");
            assertThat(report.recovered()).isTrue();
            assertThat(report.createdNew()).isTrue();
            assertThat(report.notices()).hasSize(2);
            assertThat(report.notices().get(0))
                    .startsWith("The database file " + databaseFile + " could not be read (reading it failed")
                    .endsWith("). It was moved to " + aside + "; no backup was found in " + location.backupDir()
                            + ", so the store starts empty.");
            assertThat(report.notices().get(1)).isEqualTo("Started with an empty store.");
            assertThat(store.projects().list()).isEmpty();
            assertThat(aside.resolve("atelier.mv.db")).content().startsWith("this is not an H2 database");
        }
    }

    @Test
    void aTruncatedFileIsRecoveredFromTheBackup() throws Exception {
        storeWithTwoProjectsAndADailyBackup();
        byte[] whole = Files.readAllBytes(databaseFile);
        Files.write(databaseFile, Arrays.copyOf(whole, whole.length / 2));

        try (Store store = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            assertThat(store.report().recovered()).isTrue();
            assertThat(store.projects().list()).hasSize(2);
        }
        assertThat(damagedFolders(location)).hasSize(1);
    }

    @Test
    void aZeroLengthFileCountsAsLostNotAsANewDatabase() throws Exception {
        storeWithTwoProjectsAndADailyBackup();
        Files.write(databaseFile, new byte[0]);

        try (Store store = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            assertThat(store.report().notices().get(0)).contains("could not be read (the file is empty)");
            assertThat(store.projects().list()).hasSize(2);
        }
    }

    @Test
    void aFileWhoseDataPagesAreDestroyedIsNotMistakenForAnEmptyStore() throws Exception {
        storeWithTwoProjectsAndADailyBackup();
        destroyDataPages();

        try (Store store = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            assertThat(store.report().recovered()).isTrue();
            assertThat(store.projects().list()).hasSize(2);
        }
    }

    @Test
    void aDamagedFileBehindAStaleLockIsRecoveredNotOverwritten() throws Exception {
        storeWithTwoProjectsAndADailyBackup();
        destroyDataPages();
        // a crashed app leaves its lock file behind, so the read-only look cannot be taken
        Files.writeString(location.databaseDir().resolve("atelier.lock.db"), "#FileLock\nmethod=file\n");

        try (Store store = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            assertThat(store.report().recovered()).isTrue();
            assertThat(store.report().notices()).anySatisfy(n -> assertThat(n).contains("opens as an empty database"));
            assertThat(store.projects().list()).hasSize(2);
        }
        assertThat(damagedFolders(location)).hasSize(1);
    }

    @Test
    void aDamagedNewestBackupIsSkippedForTheNextOne() throws Exception {
        Path good = storeWithTwoProjectsAndADailyBackup();
        Path bad = location.backupDir().resolve("store-20261128-120000-daily.zip");
        Files.write(bad, randomBytes(5_000));
        Files.write(databaseFile, randomBytes(20_000));

        try (Store store = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            String notice = store.report().notices().get(0);
            assertThat(notice).contains("; the newer backup " + bad + " could not be restored (")
                    .endsWith("restored the backup of 2026-11-28 10:00 from " + good + ".");
            assertThat(store.projects().list()).hasSize(2);
        }
    }

    @Test
    void whenEveryBackupIsDamagedTheStoreStartsEmpty() throws Exception {
        location = new StoreLocation(home);
        databaseFile = location.databaseDir().resolve("atelier.mv.db");
        Files.createDirectories(location.databaseDir());
        Files.createDirectories(location.backupDir());
        Path bad = location.backupDir().resolve("store-20261128-120000-daily.zip");
        Files.write(bad, randomBytes(5_000));
        Files.write(databaseFile, randomBytes(20_000));

        try (Store store = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            assertThat(store.report().notices().get(0))
                    .contains("no backup could be restored (backup " + bad + " could not be restored (")
                    .endsWith("), so the store starts empty.");
            assertThat(store.report().notices()).contains("Started with an empty store.");
            assertThat(store.projects().list()).isEmpty();
        }
        assertThat(bad).as("a damaged backup is left for the user to inspect").isRegularFile();
        try (var scratch = Files.list(location.databaseDir())) {
            assertThat(scratch.filter(f -> f.getFileName().toString().startsWith("restoring-"))).isEmpty();
        }
    }

    /** Two projects, then a daily backup on 2026-11-28 10:00; returns the backup. */
    private Path storeWithTwoProjectsAndADailyBackup() throws Exception {
        location = new StoreLocation(home);
        databaseFile = location.databaseDir().resolve("atelier.mv.db");
        try (Store store = Store.open(location, clockAt("2026-11-28T09:00:00"))) {
            store.projects().register(project("Ayla", "ayla"), home.resolve("loras/ayla"));
            store.projects().register(project("Brush", "brushy"), home.resolve("loras/brush"));
        }
        try (Store store = Store.open(location, clockAt("2026-11-28T10:00:00"))) {
            assertThat(store.report().backupsMade()).hasSize(1);
        }
        assertThat(backups(location)).hasSize(1);
        return backups(location).get(0);
    }

    /** Flips bytes past the file header: H2 then opens the file as an empty database. */
    private void destroyDataPages() throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(databaseFile);
        for (int i = 8192; i < bytes.length; i += 7) {
            bytes[i] ^= 0x5a;
        }
        Files.write(databaseFile, bytes);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
