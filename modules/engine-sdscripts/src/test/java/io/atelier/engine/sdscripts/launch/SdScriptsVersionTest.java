package io.atelier.engine.sdscripts.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdScriptsVersionTest {

    @TempDir
    Path checkout;

    @Test
    void theCommitComesFromALooseRefAPackedRefOrADetachedHead() throws Exception {
        Path git = Files.createDirectories(checkout.resolve(".git/refs/heads"));
        Files.writeString(checkout.resolve(".git/HEAD"), "ref: refs/heads/sd3\n");
        Files.writeString(git.resolve("sd3"), "1f2e3d4c5b6a\n");
        assertThat(SdScriptsVersion.of(Optional.of(checkout))).isEqualTo("git 1f2e3d4c5b6a (sd3)");

        Files.delete(git.resolve("sd3"));
        Files.writeString(checkout.resolve(".git/packed-refs"), "# pack-refs with: peeled\n"
                + "aa11bb22 refs/heads/main\ncc33dd44 refs/heads/sd3\n");
        assertThat(SdScriptsVersion.of(Optional.of(checkout))).isEqualTo("git cc33dd44 (sd3)");

        Files.writeString(checkout.resolve(".git/HEAD"), "0123abcd\n");
        assertThat(SdScriptsVersion.of(Optional.of(checkout))).isEqualTo("git 0123abcd");
    }

    @Test
    void aFolderThatIsNoCheckoutSaysSo() {
        assertThat(SdScriptsVersion.of(Optional.of(checkout))).startsWith("unknown (").endsWith("is not a git checkout)");
        assertThat(SdScriptsVersion.of(Optional.empty())).isEqualTo("unknown (no sd-scripts folder set)");
    }
}
