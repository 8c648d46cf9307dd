package io.atelier.dataset.ui.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.project.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept findings are remembered in the project, by content hash. */
class KeptFindingsTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripsThroughTheProjectFile() throws IOException {
        Path file = KeptFindings.fileOf(new ProjectLayout(tmp));
        assertThat(file).isEqualTo(tmp.resolve(".atelier").resolve("kept-findings.json"));
        KeptFindings kept = KeptFindings.NONE.keep(List.of("aa", "bb"), FindingKind.BLURRY)
                .keep(List.of("aa"), FindingKind.LOW_RES);
        kept.save(file);
        KeptFindings read = KeptFindings.load(file);
        assertThat(read).isEqualTo(kept);
        assertThat(read.of("aa")).containsExactlyInAnyOrder(FindingKind.BLURRY, FindingKind.LOW_RES);
        assertThat(read.of("cc")).isEmpty();
        assertThat(read.size()).isEqualTo(3);
        assertThat(Files.readString(file)).contains("\"blurry\"", "\"low-res\"", "\"version\" : 1");
    }

    @Test
    void noFileMeansNothingKept() throws IOException {
        assertThat(KeptFindings.load(tmp.resolve("none.json"))).isEqualTo(KeptFindings.NONE);
    }

    @Test
    void kindsFromANewerVersionAreIgnored() throws IOException {
        Path file = tmp.resolve("kept.json");
        Files.writeString(file, "{\"version\":2,\"kept\":{\"aa\":[\"blurry\",\"watermark\",\"unreadable\"]}}",
                StandardCharsets.UTF_8);
        assertThat(KeptFindings.load(file).of("aa")).containsExactly(FindingKind.BLURRY);
    }

    @Test
    void aDamagedFileIsReportedWithItsName() throws IOException {
        Path file = tmp.resolve("kept.json");
        Files.writeString(file, "{\"kept\": [", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> KeptFindings.load(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file.toString());
        Files.writeString(file, "{\"version\":1}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> KeptFindings.load(file)).hasMessageContaining("no \"kept\" object");
    }

    @Test
    void unreadableFilesCannotBeKept() {
        assertThatThrownBy(() -> KeptFindings.NONE.keep(List.of("aa"), FindingKind.UNREADABLE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
