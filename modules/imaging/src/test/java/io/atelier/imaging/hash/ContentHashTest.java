package io.atelier.imaging.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {

    @TempDir
    Path dir;

    @Test
    void matchesTheKnownSha256OfAbc() throws IOException {
        Path file = Files.write(dir.resolve("abc.txt"), "abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(ContentHash.of(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashesFilesLargerThanTheBuffer() throws IOException {
        byte[] data = new byte[200_000];
        Path a = Files.write(dir.resolve("a.bin"), data);
        data[199_999] = 1;
        Path b = Files.write(dir.resolve("b.bin"), data);

        assertThat(ContentHash.of(a)).hasSize(64).isNotEqualTo(ContentHash.of(b));
        assertThat(ContentHash.of(a))
                .isEqualTo(ContentHash.of(new java.io.ByteArrayInputStream(new byte[200_000])));
    }

    @Test
    void missingFileNamesTheFile() {
        Path missing = dir.resolve("gone.png");
        assertThatThrownBy(() -> ContentHash.of(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining("gone.png");
    }
}
