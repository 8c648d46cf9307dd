package io.atelier.imaging.importing;

import io.atelier.core.io.FileProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.decode.ImageProbe;
import io.atelier.imaging.decode.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetImporterTest {

    @TempDir
    Path tmp;

    private final DatasetImporter importer = new DatasetImporter();

    private ProjectLayout project() {
        return new ProjectLayout(tmp.resolve("project"));
    }

    private ImportResult run(Path... sources) throws IOException {
        return importer.importInto(project(), List.of(sources), FileProgress.NONE, () -> false);
    }

    @Test
    void importsFilesAndFoldersRecursivelyKeepingOriginalBytes() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path single = png(src.resolve("single.png"), Color.RED);
        Path folder = Files.createDirectories(tmp.resolve("folder/deep/er"));
        Path deep = jpg(folder.resolve("deep.jpg"), Color.BLUE);
        png(tmp.resolve("folder/top.png"), Color.GREEN);
        Files.createDirectories(tmp.resolve("folder/.hidden"));
        png(tmp.resolve("folder/.hidden/secret.png"), Color.GRAY);
        png(tmp.resolve("folder/.dotfile.png"), Color.GRAY);
        Files.writeString(tmp.resolve("folder/notes.md"), "ignored");

        ImportResult result = run(single, tmp.resolve("folder"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.cancelled()).isFalse();
        assertThat(datasetNames()).containsExactlyInAnyOrder("single.png", "deep.jpg", "top.png");
        assertThat(Files.readAllBytes(project().originals().resolve("deep.jpg"))).isEqualTo(Files.readAllBytes(deep));
        assertThat(Files.readAllBytes(project().dataset().resolve("deep.jpg"))).isEqualTo(Files.readAllBytes(deep));
        assertThat(Files.readAllBytes(project().originals().resolve("single.png")))
                .isEqualTo(Files.readAllBytes(single));
        assertThat(result.imported()).extracting(ImportedFile::source).contains(single.toString(), deep.toString());
        assertNoTempFiles();
    }

    @Test
    void captionsComeAlongAsUtf8Txt() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        png(src.resolve("a.png"), Color.RED);
        Files.writeString(src.resolve("a.txt"), "ohwx woman, smiling");
        png(src.resolve("b.png"), Color.RED);
        Files.write(src.resolve("b.caption"), "caf\u00e9, cr\u00e8me br\u00fbl\u00e9e".getBytes(StandardCharsets.ISO_8859_1));
        png(src.resolve("c.png"), Color.RED);
        Files.write(src.resolve("c.caption"), "\uFEFF日本語, tag".getBytes(StandardCharsets.UTF_8));
        png(src.resolve("d.png"), Color.RED);

        ImportResult result = run(src);

        assertThat(result.problems()).isEmpty();
        assertThat(result.captionsCarried()).isEqualTo(3);
        Path ds = project().dataset();
        assertThat(Files.readString(ds.resolve("a.txt"))).isEqualTo("ohwx woman, smiling");
        assertThat(Files.readString(ds.resolve("b.txt"), StandardCharsets.UTF_8)).isEqualTo("caf\u00e9, cr\u00e8me br\u00fbl\u00e9e");
        assertThat(Files.readString(ds.resolve("c.txt"))).isEqualTo("日本語, tag");
        assertThat(ds.resolve("d.txt")).doesNotExist();
        assertThat(ds.resolve("b.caption")).doesNotExist();
    }

    @Test
    void sameBaseNameWithDifferentExtensionsGetsUniqueNamesAndOwnCaptions() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        png(src.resolve("a.png"), Color.RED);
        jpg(src.resolve("a.jpg"), Color.BLUE);
        Files.writeString(src.resolve("a.txt"), "shared caption");

        ImportResult result = run(src.resolve("a.png"), src.resolve("a.jpg"));

        assertThat(result.problems()).isEmpty();
        assertThat(datasetNames()).containsExactlyInAnyOrder("a.png", "a.txt", "a-2.jpg", "a-2.txt");
        assertThat(Files.readString(project().dataset().resolve("a-2.txt"))).isEqualTo("shared caption");
        assertThat(result.imported()).extracting(f -> f.image().getFileName().toString())
                .containsExactly("a.png", "a-2.jpg");
        assertThat(project().originals().resolve("a-2.jpg")).exists();
    }

    @Test
    void existingDatasetFileIsNeverOverwritten() throws IOException {
        Path ds = Files.createDirectories(project().dataset());
        Path existing = png(ds.resolve("01.png"), Color.BLACK);
        Files.writeString(ds.resolve("01.txt"), "old caption");
        byte[] before = Files.readAllBytes(existing);
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path incoming = png(src.resolve("01.png"), Color.WHITE);
        Files.writeString(src.resolve("01.txt"), "new caption");

        ImportResult result = run(incoming);

        assertThat(result.problems()).isEmpty();
        assertThat(Files.readAllBytes(existing)).isEqualTo(before);
        assertThat(Files.readString(ds.resolve("01.txt"))).isEqualTo("old caption");
        assertThat(Files.readAllBytes(ds.resolve("01-2.png"))).isEqualTo(Files.readAllBytes(incoming));
        assertThat(Files.readString(ds.resolve("01-2.txt"))).isEqualTo("new caption");
    }

    @Test
    void badFilesAreReportedAndTheRestProceeds() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path empty = Files.createFile(src.resolve("empty.png"));
        Path fake = Files.writeString(src.resolve("fake.jpg"), "this is not a jpeg");
        Path bomb = TestImages.pngHeaderOnly(50_000, 50_000, src.resolve("bomb.png"));
        byte[] full = Files.readAllBytes(png(tmp.resolve("whole.png"), Color.RED));
        Path truncated = Files.write(src.resolve("truncated.png"), java.util.Arrays.copyOf(full, 12));
        Path good = png(src.resolve("good.png"), Color.RED);

        ImportResult result = run(src);

        assertThat(datasetNames()).containsExactly("good.png");
        assertThat(result.imported()).extracting(ImportedFile::source).containsExactly(good.toString());
        assertThat(result.problems()).extracting(ImportProblem::item)
                .containsExactlyInAnyOrder(empty.toString(), fake.toString(), bomb.toString(), truncated.toString());
        assertThat(problem(result, empty)).contains("empty");
        assertThat(problem(result, fake)).contains("not a recognised image");
        assertThat(problem(result, bomb)).contains("50000 x 50000").contains("bomb");
        assertThat(project().originals().resolve("bomb.png")).doesNotExist();
        assertNoTempFiles();
    }

    @Test
    void zipSlipEntriesAreRefusedAndGoodEntriesImportedFlattened() throws IOException {
        byte[] good = Files.readAllBytes(png(tmp.resolve("g.png"), Color.RED));
        Path zip = tmp.resolve("work/in/set.zip");
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "../evil.png", good);
            entry(out, "/abs.png", good);
            entry(out, "C:/windows/drive.png", good);
            entry(out, "sub/dir/../../../up.png", good);
            entry(out, "photos/nested/ok.png", good);
            entry(out, "photos/nested/ok.txt", "zip caption".getBytes(StandardCharsets.UTF_8));
            entry(out, "other/ok.png", good);
            entry(out, "__MACOSX/photos/._ok.png", new byte[] {1, 2, 3});
            entry(out, "broken.png", "nope".getBytes(StandardCharsets.UTF_8));
        }

        ImportResult result = run(zip);

        assertThat(datasetNames()).containsExactlyInAnyOrder("ok.png", "ok.txt", "ok-2.png");
        assertThat(Files.readAllBytes(project().dataset().resolve("ok.png"))).isEqualTo(good);
        assertThat(Files.readAllBytes(project().originals().resolve("ok.png"))).isEqualTo(good);
        assertThat(Files.readString(project().dataset().resolve("ok.txt"))).isEqualTo("zip caption");
        assertThat(result.problems()).extracting(ImportProblem::item).containsExactlyInAnyOrder(
                zip + "!../evil.png", zip + "!/abs.png", zip + "!C:/windows/drive.png",
                zip + "!sub/dir/../../../up.png", zip + "!broken.png");
        assertThat(result.problems()).filteredOn(p -> !p.item().endsWith("broken.png"))
                .allSatisfy(p -> assertThat(p.message()).contains("zip slip"));
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .doesNotContain("evil.png", "abs.png", "drive.png", "up.png");
        }
        assertThat(tmp.resolve("project/evil.png")).doesNotExist();
        assertThat(Path.of("/abs.png")).doesNotExist();
        assertNoTempFiles();
    }

    @Test
    void zipBombEntryIsRefusedWithAClearMessage() throws IOException {
        Path zip = tmp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "zeros.bmp", new byte[8 * 1024 * 1024]);
            entry(out, "fine.png", Files.readAllBytes(png(tmp.resolve("f.png"), Color.RED)));
        }

        ImportResult result = new DatasetImporter(new ImageProbe(), 1L << 40, 100)
                .importInto(project(), List.of(zip), FileProgress.NONE, () -> false);

        assertThat(datasetNames()).containsExactly("fine.png");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.item()).isEqualTo(zip + "!zeros.bmp");
            assertThat(p.message()).contains("zip bomb");
        });

        ImportResult capped = new DatasetImporter(new ImageProbe(), 4096, 1000)
                .importInto(new ProjectLayout(tmp.resolve("p2")), List.of(zip), FileProgress.NONE, () -> false);
        assertThat(capped.imported()).isEmpty();
        assertThat(capped.problems()).anySatisfy(p -> assertThat(p.message()).contains("4096 bytes"));
        assertNoTempFiles();
    }

    @Test
    void unicodeNamesAreKeptInNfc() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        png(src.resolve("日本語.png"), Color.RED);
        Files.writeString(src.resolve("日本語.txt"), "kanji");
        png(src.resolve("Cafe\u0301.png"), Color.RED); // decomposed é

        ImportResult result = run(src);

        assertThat(result.problems()).isEmpty();
        assertThat(datasetNames()).containsExactlyInAnyOrder("日本語.png", "日本語.txt", "Caf\u00e9.png");
    }

    @Test
    void readOnlyDatasetFailsUpFrontNamingTheFolder() throws IOException {
        Path ds = Files.createDirectories(project().dataset());
        Path src = png(tmp.resolve("a.png"), Color.RED);
        Files.setPosixFilePermissions(ds, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> run(src)).isInstanceOf(IOException.class)
                    .hasMessageContaining("read-only").hasMessageContaining(ds.toString());
            try (Stream<Path> files = Files.list(ds)) {
                assertThat(files).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(ds, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void cancellationStopsBetweenFilesLeavingCompleteFiles() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sources.add(png(src.resolve("img" + i + ".png"), Color.RED));
        }
        List<String> seen = new ArrayList<>();

        ImportResult result = importer.importInto(project(), sources, (done, total, item) -> {
            assertThat(total).isEqualTo(5);
            seen.add(item);
        }, () -> !seen.isEmpty());

        assertThat(result.cancelled()).isTrue();
        assertThat(result.imported()).hasSize(1);
        assertThat(seen).containsExactly(sources.get(0).toString());
        assertThat(datasetNames()).containsExactly("img0.png");
        assertThat(Files.readAllBytes(project().dataset().resolve("img0.png")))
                .isEqualTo(Files.readAllBytes(sources.get(0)));
        assertNoTempFiles();
    }

    @Test
    void unsafeEntryNames() {
        assertThat(DatasetImporter.unsafeEntry("a/b.png")).isNull();
        assertThat(DatasetImporter.unsafeEntry("a..b.png")).isNull();
        assertThat(DatasetImporter.unsafeEntry("..\\x.png")).isNotNull();
        assertThat(DatasetImporter.unsafeEntry("\\\\server\\x.png")).isNotNull();
        assertThat(DatasetImporter.unsafeEntry("d:x.png")).isNotNull();
    }

    // ---------------------------------------------------------------- helpers

    private static String problem(ImportResult result, Path file) {
        return result.problems().stream().filter(p -> p.item().equals(file.toString())).findFirst()
                .map(ImportProblem::message).orElseThrow();
    }

    private List<String> datasetNames() throws IOException {
        try (Stream<Path> files = Files.list(project().dataset())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .collect(Collectors.toList());
        }
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static void entry(ZipOutputStream out, String name, byte[] data) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(data);
        out.closeEntry();
    }

    private static BufferedImage image(Color c) {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 32, 24);
        g.setColor(Color.WHITE);
        g.fillRect(4, 4, 8, 8);
        g.dispose();
        return img;
    }

    private static Path png(Path file, Color c) throws IOException {
        ImageIO.write(image(c), "png", file.toFile());
        return file;
    }

    private static Path jpg(Path file, Color c) throws IOException {
        ImageIO.write(image(c), "jpg", file.toFile());
        return file;
    }
}
