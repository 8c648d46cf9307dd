package io.atelier.core.basemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atelier.core.safetensors.SafetensorsFixture;
import io.atelier.core.safetensors.SafetensorsFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseModelInspectorTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final BaseModelInspector inspector =
            new BaseModelInspector(new FileHasher(), Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void inspectsAnSdxlCheckpoint() throws IOException, NoSuchAlgorithmException {
        Files.createDirectories(dir.resolve("sub"));
        SafetensorsFixture.sdxl().write(dir.resolve("sd_xl_base_1.0.safetensors"));
        Path given = dir.resolve("sub/../sd_xl_base_1.0.safetensors");
        List<long[]> progress = new ArrayList<>();

        BaseModel model = inspector.inspect(given, null, null, (d, t) -> progress.add(new long[] {d, t}), () -> false);

        Path real = dir.resolve("sd_xl_base_1.0.safetensors").toAbsolutePath().normalize();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(real)));
        assertThat(model.name()).isEqualTo("sd_xl_base_1.0");
        assertThat(model.family()).isEqualTo(BaseModelFamily.SDXL);
        assertThat(model.file()).isEqualTo(real).isAbsolute();
        assertThat(model.sizeBytes()).isEqualTo(Files.size(real));
        assertThat(model.sha256()).isEqualTo(sha);
        assertThat(model.autoV2()).isEqualTo(sha.substring(0, 10).toUpperCase()).matches("[0-9A-F]{10}");
        assertThat(model.added()).isEqualTo(NOW);
        assertThat(progress).last().isEqualTo(new long[] {model.sizeBytes(), model.sizeBytes()});
    }

    @Test
    void inspectsAnSd15CheckpointUnderTheGivenName() throws IOException {
        Path file = SafetensorsFixture.sd15().write(dir.resolve("v1-5-pruned-emaonly.SAFETENSORS"));
        BaseModel model = inspector.inspect(file, "  SD 1.5 base  ", null, FileHasher.Progress.NONE, () -> false);
        assertThat(model.name()).isEqualTo("SD 1.5 base");
        assertThat(model.family()).isEqualTo(BaseModelFamily.SD15);
    }

    @Test
    void usesTheProposedFineTuneFamily() throws IOException {
        Path file = SafetensorsFixture.sdxl().write(dir.resolve("ponyDiffusionV6XL.safetensors"));
        assertThat(inspector.inspect(file, "", null, FileHasher.Progress.NONE, () -> false).family())
                .isEqualTo(BaseModelFamily.PONY);
    }

    @Test
    void letsTheUserChooseAnotherFamilyOfTheSameArchitecture() throws IOException {
        Path file = SafetensorsFixture.sdxl().write(dir.resolve("merge.safetensors"));
        BaseModel model = inspector.inspect(file, null, BaseModelFamily.ILLUSTRIOUS, FileHasher.Progress.NONE,
                () -> false);
        assertThat(model.family()).isEqualTo(BaseModelFamily.ILLUSTRIOUS);
    }

    @Test
    void refusesAFamilyThatContradictsTheTensors() {
        Path file = SafetensorsFixture.sd15().write(dir.resolve("sd15.safetensors"));
        assertThatThrownBy(() -> inspector.inspect(file, null, BaseModelFamily.PONY, FileHasher.Progress.NONE,
                () -> false))
                .isInstanceOf(UnsupportedModelFileException.class)
                .hasMessageStartingWith(file + " cannot be registered as Pony: its tensors say it is SD 1.5");
    }

    @Test
    void detectsTheFamilyWithoutHashing() throws IOException {
        Path file = SafetensorsFixture.sdxl().metadata("modelspec.title", "Illustrious-XL-v1.0")
                .write(dir.resolve("model.safetensors"));
        FamilyDetection d = inspector.detect(file);
        assertThat(d.family()).isEqualTo(BaseModelFamily.ILLUSTRIOUS);
        assertThat(d.reason()).contains("modelspec.title");
    }

    @Test
    void refusesAPickleCheckpointWithoutReadingIt() throws IOException {
        Path file = Files.write(dir.resolve("model.ckpt"), new byte[] {(byte) 0x80, 2, 'c', 'o', 's', '\n'});
        assertThatThrownBy(() -> inspector.inspect(file, null, null, FileHasher.Progress.NONE, () -> false))
                .isInstanceOf(UnsupportedModelFileException.class)
                .hasMessage(file + " is a pickle-based checkpoint (.ckpt). LoRA Atelier loads only .safetensors "
                        + "files, because pickle files can run arbitrary code when loaded. Convert it to "
                        + ".safetensors first.");
    }

    @Test
    void neverOpensAPickleFile() throws Exception {
        // a named pipe blocks whoever opens it for reading until a writer comes, so any open would hang here
        Path fifo = dir.resolve("model.pt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> inspector.inspect(fifo, null, null, FileHasher.Progress.NONE, () -> false))
                    .hasMessageContaining("is a pickle-based checkpoint (.pt)");
            assertThatThrownBy(() -> inspector.detect(fifo))
                    .hasMessageContaining("is a pickle-based checkpoint (.pt)");
        });
    }

    @Test
    void refusesOtherExtensions() throws IOException {
        Path file = Files.write(dir.resolve("model.gguf"), new byte[64]);
        assertThatThrownBy(() -> inspector.detect(file))
                .isInstanceOf(UnsupportedModelFileException.class)
                .hasMessage(file + " is not a .safetensors file");
    }

    @Test
    void refusesADirectory() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("stable-diffusion-xl-base-1.0"));
        assertThatThrownBy(() -> inspector.inspect(folder, null, null, FileHasher.Progress.NONE, () -> false))
                .isInstanceOf(UnsupportedModelFileException.class)
                .hasMessageStartingWith(folder + " is a directory");
    }

    @Test
    void refusesAMissingFile() {
        Path file = dir.resolve("gone.safetensors");
        assertThatThrownBy(() -> inspector.inspect(file, null, null, FileHasher.Progress.NONE, () -> false))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void refusesAZeroByteSafetensorsFile() throws IOException {
        Path file = Files.createFile(dir.resolve("download.safetensors"));
        assertThatThrownBy(() -> inspector.inspect(file, null, null, FileHasher.Progress.NONE, () -> false))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessage(file + ": the file is empty (0 bytes)");
    }

    @Test
    void refusesALoraBeforeHashingIt() {
        Path file = SafetensorsFixture.kohyaLora().write(dir.resolve("mychar-000004.safetensors"));
        List<Long> progress = new ArrayList<>();
        assertThatThrownBy(() -> inspector.inspect(file, null, null, (d, t) -> progress.add(d), () -> false))
                .isInstanceOf(UnsupportedModelFileException.class)
                .hasMessageContaining("is a LoRA");
        assertThat(progress).isEmpty();
    }

    @Test
    void passesCancellationThrough() {
        Path file = SafetensorsFixture.sdxl().write(dir.resolve("base.safetensors"));
        assertThatThrownBy(() -> inspector.inspect(file, null, null, FileHasher.Progress.NONE, () -> true))
                .isInstanceOf(CancellationException.class);
    }
}
