package io.atelier.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestEpochExportTest {

    @TempDir
    Path dir;

    @Test
    void theNameIsTheRunsOutputNameMadeSafe() {
        assertThat(BestEpochExport.cleanName("mychar_v2")).isEqualTo("mychar_v2.safetensors");
        assertThat(BestEpochExport.cleanName("my/char: v2?")).isEqualTo("my_char_ v2_.safetensors");
        assertThat(BestEpochExport.cleanName("style.safetensors")).isEqualTo("style.safetensors");
        assertThat(BestEpochExport.cleanName("  ..  ")).isEqualTo("lora.safetensors");
        assertThat(BestEpochExport.cleanName(null)).isEqualTo("lora.safetensors");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path lora = dir.resolve("runs/x/mychar-000004.safetensors");
        Files.createDirectories(lora.getParent());
        Files.write(lora, new byte[]{1, 2, 3});
        Path out = dir.resolve("out");
        Path first = BestEpochExport.export(lora, out, "mychar");
        Path second = BestEpochExport.export(lora, out, "mychar");
        assertThat(first.getFileName().toString()).isEqualTo("mychar.safetensors");
        assertThat(second.getFileName().toString()).isEqualTo("mychar-2.safetensors");
        assertThat(Files.readAllBytes(second)).containsExactly(1, 2, 3);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("mychar.safetensors",
                    "mychar-2.safetensors"); // no temp file left
        }
    }

    @Test
    void aMissingCheckpointIsNamed() {
        Path gone = dir.resolve("mychar-000003.safetensors");
        assertThatThrownBy(() -> BestEpochExport.export(gone, dir.resolve("out"), "mychar"))
                .isInstanceOf(IOException.class).hasMessageContaining(gone.toString()).hasMessageContaining("missing");
    }
}
