package io.atelier.store;

import static io.atelier.store.StoreTestSupport.clockAt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderProblemsTest {

    @TempDir
    Path temp;

    @Test
    void aHomeInsideAFileIsReportedNamingTheFolder() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        StoreLocation location = new StoreLocation(file.resolve("home"));

        assertThatThrownBy(() -> Store.open(location, clockAt("2026-11-29T10:15:00")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot create the store folder " + file.resolve("home/store") + " (")
                .hasMessageEndingWith("); use another --home or fix the permissions.")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aReadOnlyHomeIsReportedNamingTheFolder() throws Exception {
        Path home = Files.createDirectory(temp.resolve("read-only-home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {

            assertThatThrownBy(() -> Store.open(new StoreLocation(home), clockAt("2026-11-29T10:15:00")))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("Cannot create the store folder " + home.resolve("store")
                            + " (permission denied); use another --home or fix the permissions.");
        } finally {
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aReadOnlyStoreFolderIsReportedNamingTheFolder() throws Exception {
        Path home = Files.createDirectory(temp.resolve("home"));
        Path storeFolder = Files.createDirectory(home.resolve("store"));
        Files.createDirectory(home.resolve("backups"));
        Files.setPosixFilePermissions(storeFolder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {

            assertThatThrownBy(() -> Store.open(new StoreLocation(home), clockAt("2026-11-29T10:15:00")))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("The store folder " + storeFolder + " is not writable; use another --home or fix "
                            + "the permissions.");
        } finally {
            Files.setPosixFilePermissions(storeFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aHomeWithASemicolonIsRefusedBeforeH2MisreadsIt() {
        StoreLocation location = new StoreLocation(temp.resolve("odd;name"));

        assertThatThrownBy(() -> Store.open(location, clockAt("2026-11-29T10:15:00")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("contains ';'");
    }
}
