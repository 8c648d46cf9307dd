package io.atelier.store;

import static io.atelier.store.StoreTestSupport.backups;
import static io.atelier.store.StoreTestSupport.clockAt;
import static io.atelier.store.StoreTestSupport.damagedFolders;
import static io.atelier.store.StoreTestSupport.execute;
import static io.atelier.store.StoreTestSupport.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewerVersionTest {

    @TempDir
    Path home;

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftByteForByteUnchanged() throws Exception {
        StoreLocation location = new StoreLocation(home);
        try (Store store = Store.open(location, clockAt("2026-11-28T09:00:00"))) {
            store.projects().register(project("Ayla", "ayla"), home.resolve("loras/ayla"));
        }
        // What LoRA Atelier with schema version 9 leaves behind.
        execute(location, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES "
                + "(9, '9', 'from the future', 'SQL', 'V9__from_the_future.sql', 0, 'SA', 1, TRUE)");
        Path databaseFile = location.databaseDir().resolve("atelier.mv.db");
        byte[] before = Files.readAllBytes(databaseFile);
        List<Path> backupsBefore = backups(location);

        assertThatThrownBy(() -> Store.open(location, clockAt("2026-11-29T10:15:00")))
                .isInstanceOf(StoreException.class)
                .hasMessage(databaseFile + " was written by a newer LoRA Atelier (schema version 9; this version "
                        + "knows up to 8). It was left untouched; update LoRA Atelier or use another --home.");

        assertThat(databaseFile).hasBinaryContent(before);
        assertThat(backups(location)).isEqualTo(backupsBefore);
        assertThat(damagedFolders(location)).isEmpty();
        assertThat(location.databaseDir().resolve("atelier.lock.db")).doesNotExist();
    }
}
