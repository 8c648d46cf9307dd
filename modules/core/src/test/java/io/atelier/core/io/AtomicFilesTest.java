package io.atelier.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesWholeFilesAndLeavesNoTempFiles() throws Exception {
        Path target = dir.resolve("sub/01.txt");
        AtomicFiles.write(target, "a, b".getBytes());
        AtomicFiles.write(target, "c".getBytes());
        assertThat(target).hasContent("c");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void newFilesAreReadableByOthersAndReplacedFilesKeepTheirPermissions() throws Exception {
        Path created = dir.resolve("new.txt");
        AtomicFiles.write(created, "x".getBytes());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).startsWith("rw-r");

        Path kept = Files.writeString(dir.resolve("kept.txt"), "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.write(kept, "new".getBytes());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-rw-r--");
    }
}
