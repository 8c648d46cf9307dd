package io.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import → prepare → undo-prepare → export-zip, as a user scripts them. */
class DatasetWorkflowCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path project;
    private Path sources;

    @BeforeEach
    void setUp() throws IOException {
        project = ProjectFolders.create(tmp.resolve("glass"),
                LoraProject.create("Glass", "glshs", LoraKind.STYLE, BaseModelFamily.PONY)).root();
        sources = Files.createDirectories(tmp.resolve("downloads/shoot"));
        TestPictures.png(TestPictures.picture(1, 1400, 1000), sources.resolve("photo 10.png"));
        Files.write(sources.resolve("photo 2.jpg"), TestPictures.jpeg(TestPictures.picture(2, 700, 900), 0.9f));
        Files.writeString(sources.resolve("photo 2.caption"), "glshs, shard", StandardCharsets.UTF_8);
        Files.writeString(sources.resolve("notes.jpg"), "not an image");
        Path zip = tmp.resolve("downloads/more.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("set/ünï.png"));
            TestPictures.png(TestPictures.picture(3, 500, 500), tmp.resolve("u.png"));
            out.write(Files.readAllBytes(tmp.resolve("u.png")));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("../../evil.png"));
            out.write(Files.readAllBytes(tmp.resolve("u.png")));
            out.closeEntry();
        }
    }

    private Path home() {
        return tmp.resolve("home");
    }

    @Test
    void importPrepareUndoAndExport() throws Exception {
        CliRun imported = CliRun.run(home(), "dataset", "import", project.toString(), sources.toString(),
                tmp.resolve("downloads/more.zip").toString(), "--json");
        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(AtelierCommand.PARTIAL);
        JsonNode r = JSON.readTree(imported.out());
        assertThat(r.get("imported").asInt()).isEqualTo(3);
        assertThat(r.get("captions").asInt()).isEqualTo(1);
        assertThat(r.get("problems")).extracting(p -> p.get("item").asText())
                .anySatisfy(item -> assertThat(item).endsWith("notes.jpg"))
                .anySatisfy(item -> assertThat(item).contains("evil.png"));
        assertThat(tmp.resolve("evil.png")).doesNotExist();
        assertThat(project.resolve("dataset/photo 2.txt")).hasContent("glshs, shard");

        CliRun prepared = CliRun.run(home(), "dataset", "prepare", project.toString(), "--long-side", "1024",
                "--json");
        assertThat(prepared.exitCode()).as(prepared.err()).isZero();
        JsonNode p = JSON.readTree(prepared.out());
        assertThat(p.get("images").asInt()).isEqualTo(3);
        assertThat(p.get("upscaled").asInt()).isEqualTo(2);
        assertThat(p.get("prepared")).extracting(i -> i.get("source").asText() + ">" + i.get("target").asText())
                .containsExactly("photo 2.jpg>01.png", "photo 10.png>02.png", "ünï.png>03.png");
        assertThat(datasetFiles()).containsExactly("01.png", "01.txt", "02.png", "03.png");
        assertThat(project.resolve("dataset/01.txt")).hasContent("glshs, shard");

        CliRun again = CliRun.run(home(), "dataset", "prepare", project.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Already prepared: 3 images at 1024 px PNG; nothing to do.");

        Path zip = tmp.resolve("upload/glass.zip");
        CliRun exported = CliRun.run(home(), "dataset", "export-zip", project.toString(), zip.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("3 images, 1 captions").contains("Without caption: 02.png, 03.png");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(Collections.list(z.entries())).extracting(ZipEntry::getName)
                    .containsExactly("01.png", "01.txt", "02.png", "03.png");
        }

        CliRun undone = CliRun.run(home(), "dataset", "undo-prepare", project.toString());
        assertThat(undone.exitCode()).as(undone.err()).isZero();
        assertThat(undone.out()).contains("Restored 3 original(s)");
        assertThat(datasetFiles()).containsExactlyInAnyOrder("photo 10.png", "photo 2.jpg", "photo 2.txt", "ünï.png");
        assertThat(project.resolve("dataset/photo 2.jpg"))
                .hasSameBinaryContentAs(sources.resolve("photo 2.jpg"));
    }

    @Test
    void badOptionsAndFoldersGetOneLine() throws IOException {
        CliRun format = CliRun.run(home(), "dataset", "prepare", project.toString(), "--format", "gif");
        assertThat(format.exitCode()).isEqualTo(1);
        assertThat(format.errorLine()).isEqualTo("atelier: unknown output format 'gif' (png or jpg)");
        CliRun side = CliRun.run(home(), "dataset", "prepare", project.toString(), "--long-side", "64");
        assertThat(side.errorLine()).contains("between 256 and 8192");
        CliRun nothing = CliRun.run(home(), "dataset", "undo-prepare", project.toString());
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.errorLine()).contains("has no Prepare to undo");
        CliRun empty = CliRun.run(home(), "dataset", "export-zip", project.toString(), tmp.resolve("x.zip").toString());
        assertThat(empty.errorLine()).contains("has no images to export");
    }

    @Test
    void aReadOnlyDatasetIsRefusedAndNothingChanges() throws IOException {
        CliRun.run(home(), "dataset", "import", project.toString(), sources.resolve("photo 10.png").toString());
        Path dataset = project.resolve("dataset");
        List<String> before = datasetFiles();
        dataset.toFile().setWritable(false, false);
        try {
            CliRun run = CliRun.run(home(), "dataset", "prepare", project.toString());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errorLine()).contains("read-only").contains(dataset.toString());
            CliRun imp = CliRun.run(home(), "dataset", "import", project.toString(), sources.toString());
            assertThat(imp.errorLine()).contains("read-only");
        } finally {
            dataset.toFile().setWritable(true, false);
        }
        assertThat(datasetFiles()).isEqualTo(before);
    }

    private List<String> datasetFiles() throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("dataset"))) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

}
