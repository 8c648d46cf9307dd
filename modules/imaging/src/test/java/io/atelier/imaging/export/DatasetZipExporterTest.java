package io.atelier.imaging.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.project.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetZipExporterTest {

    @TempDir
    Path root;

    private ProjectLayout dataset() throws IOException {
        ProjectLayout layout = new ProjectLayout(root.resolve("project"));
        Files.createDirectories(layout.originals());
        Files.write(layout.dataset().resolve("01.png"), new byte[]{1, 2, 3});
        Files.writeString(layout.dataset().resolve("01.txt"), "GLSHS, ünïcode", StandardCharsets.UTF_8);
        Files.write(layout.dataset().resolve("02.jpg"), new byte[]{4, 5});
        Files.write(layout.originals().resolve("01.png"), new byte[]{9});
        Files.writeString(layout.dataset().resolve("notes.md"), "not part of the set");
        return layout;
    }

    @Test
    void imagesAndCaptionsGoFlatIntoTheZipAndNothingElse() throws IOException {
        ProjectLayout layout = dataset();
        Path out = root.resolve("out/glass.zip");

        ExportResult result = new DatasetZipExporter().export(layout, out, null);

        assertThat(result.images()).isEqualTo(2);
        assertThat(result.captions()).isEqualTo(1);
        assertThat(result.uncaptioned()).containsExactly("02.jpg");
        assertThat(result.bytes()).isEqualTo(Files.size(out));
        try (ZipFile zip = new ZipFile(out.toFile())) {
            assertThat(Collections.list(zip.entries())).extracting(ZipEntry::getName)
                    .containsExactly("01.png", "01.txt", "02.jpg");
            assertThat(zip.getInputStream(zip.getEntry("01.png")).readAllBytes()).containsExactly(1, 2, 3);
            assertThat(new String(zip.getInputStream(zip.getEntry("01.txt")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("GLSHS, ünïcode");
            assertThat(zip.getEntry("01.png").getMethod()).isEqualTo(ZipEntry.STORED);
        }
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // no temp file left
        }
    }

    @Test
    void aCancelledExportLeavesNoZip() throws IOException {
        Path out = root.resolve("glass.zip");

        assertThatThrownBy(() -> new DatasetZipExporter().export(dataset(), out, () -> true))
                .hasMessageContaining("cancelled");
        assertThat(out).doesNotExist();
    }

    @Test
    void badTargetsAreRefusedByName() throws IOException {
        ProjectLayout layout = dataset();
        Path inside = layout.dataset().resolve("x.zip");
        assertThatThrownBy(() -> new DatasetZipExporter().export(layout, inside, null))
                .hasMessageContaining(inside.toString()).hasMessageContaining("inside the dataset");
        assertThatThrownBy(() -> new DatasetZipExporter().export(layout, root, null))
                .hasMessageContaining("is a folder");
        ProjectLayout empty = new ProjectLayout(root.resolve("empty"));
        assertThatThrownBy(() -> new DatasetZipExporter().export(empty, root.resolve("e.zip"), null))
                .hasMessageContaining("no images");
    }
}
