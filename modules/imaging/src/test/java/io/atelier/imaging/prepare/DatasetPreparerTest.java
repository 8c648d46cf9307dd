package io.atelier.imaging.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.project.ProjectTrash;
import io.atelier.core.project.TrashedFile;
import io.atelier.imaging.decode.ImageInfo;
import io.atelier.imaging.decode.ImageProbe;
import io.atelier.imaging.decode.TestImages;
import io.atelier.imaging.report.FileProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetPreparerTest {

    private static final PrepareOptions SMALL = new PrepareOptions(256, OutputFormat.PNG);

    @TempDir
    Path root;

    private final ImageProbe probe = new ImageProbe();

    private DatasetFixture threeImages() throws IOException {
        DatasetFixture d = new DatasetFixture(root);
        d.image("img10.jpg", 600, 400, 1, "GLSHS, ten");
        d.image("img2.png", 120, 200, 2, "GLSHS, two");  // smaller than 256: upscaled
        d.image("Img3.bmp", 300, 300, 3, null);
        return d;
    }

    @Test
    void resizesRenamesInNaturalOrderAndCaptionsFollowTheirImages() throws IOException {
        DatasetFixture d = threeImages();
        Map<String, String> originals = Map.copyOf(d.snapshot());
        List<String> progress = new ArrayList<>();

        PrepareResult result = new DatasetPreparer(2).prepare(d.layout, SMALL,
                (done, total, file) -> progress.add(done + "/" + total), null);

        assertThat(result.cancelled()).isFalse();
        assertThat(result.alreadyPrepared()).isFalse();
        assertThat(result.problems()).isEmpty();
        assertThat(result.prepared()).extracting(PreparedImage::source, PreparedImage::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("img2.png", "01.png"),
                        org.assertj.core.groups.Tuple.tuple("Img3.bmp", "02.png"),
                        org.assertj.core.groups.Tuple.tuple("img10.jpg", "03.png"));
        assertThat(result.upscaled()).isEqualTo(1);
        assertThat(progress).hasSize(3).contains("3/3");
        assertThat(d.dataset().keySet()).containsExactly("01.png", "01.txt", "02.png", "03.png", "03.txt");
        assertThat(d.read("01.txt")).isEqualTo("GLSHS, two");
        assertThat(d.read("03.txt")).isEqualTo("GLSHS, ten");
        assertThat(size("01.png")).isEqualTo(new ImageInfo("png", 154, 256));
        assertThat(size("02.png")).isEqualTo(new ImageInfo("png", 256, 256));
        assertThat(size("03.png")).isEqualTo(new ImageInfo("png", 256, 171));
        // the originals are untouched
        for (String name : List.of("img10.jpg", "img2.png", "Img3.bmp")) {
            String key = "dataset/.originals/" + name;
            assertThat(d.snapshot()).containsEntry(key, originals.get(key));
        }
        assertThat(d.layout.dataset().resolve(".prepare/staging")).doesNotExist();
        assertThat(d.layout.dataset().resolve(".prepare/replaced")).doesNotExist();
    }

    @Test
    void aSecondRunWithTheSameOptionsChangesNothing() throws IOException {
        DatasetFixture d = threeImages();
        new DatasetPreparer(2).prepare(d.layout, SMALL, null, null);
        Map<String, String> before = d.snapshot();

        PrepareResult again = new DatasetPreparer(2).prepare(d.layout, SMALL, null, null);

        assertThat(again.alreadyPrepared()).isTrue();
        assertThat(again.prepared()).hasSize(3);
        assertThat(d.snapshot()).isEqualTo(before);
    }

    @Test
    void addedImagesArePreparedAndNumberedWhileThePreparedOnesAreKept() throws IOException {
        DatasetFixture d = threeImages();
        new DatasetPreparer(2).prepare(d.layout, SMALL, null, null);
        Map<String, String> first = d.dataset();
        d.image("zz-new.jpg", 500, 500, 4, "GLSHS, new");

        PrepareResult result = new DatasetPreparer(2).prepare(d.layout, SMALL, null, null);

        assertThat(result.prepared()).extracting(PreparedImage::target)
                .containsExactly("01.png", "02.png", "03.png", "04.png");
        assertThat(d.dataset()).containsAllEntriesOf(first);
        assertThat(d.read("04.txt")).isEqualTo("GLSHS, new");
    }

    @Test
    void aNewLongSideIsMadeFromTheOriginalsNotFromThePreparedImages() throws IOException {
        DatasetFixture d = threeImages();
        new DatasetPreparer(2).prepare(d.layout, SMALL, null, null);

        PrepareResult jpeg = new DatasetPreparer(2).prepare(d.layout, new PrepareOptions(512, OutputFormat.JPEG),
                null, null);

        assertThat(jpeg.prepared()).extracting(PreparedImage::original)
                .containsExactly("img2.png", "Img3.bmp", "img10.jpg");
        assertThat(d.dataset().keySet()).containsExactlyInAnyOrder("01.jpg", "01.txt", "02.jpg", "03.jpg", "03.txt");
        assertThat(size("03.jpg")).isEqualTo(new ImageInfo("jpeg", 512, 341));
        assertThat(jpeg.prepared().get(2).scale()).isCloseTo(512 / 600.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void undoBringsBackTheOriginalsWithTheCaptionsAsEditedSince() throws IOException {
        DatasetFixture d = threeImages();
        Map<String, String> imported = d.dataset();
        DatasetPreparer preparer = new DatasetPreparer(2);
        preparer.prepare(d.layout, SMALL, null, null);
        preparer.prepare(d.layout, new PrepareOptions(300, OutputFormat.JPEG), null, null);
        d.caption("01.jpg", "GLSHS, two, edited");
        assertThat(DatasetPreparer.canUndo(d.layout)).isTrue();

        UndoResult undo = preparer.undo(d.layout, null, null);

        assertThat(undo.restored()).isEqualTo(3);
        assertThat(undo.problems()).isEmpty();
        Map<String, String> now = d.dataset();
        assertThat(now.keySet()).containsExactlyInAnyOrder("img10.jpg", "img10.txt", "img2.png", "img2.txt",
                "Img3.bmp");
        for (String image : List.of("img10.jpg", "img2.png", "Img3.bmp")) {
            assertThat(now.get(image)).isEqualTo(imported.get(image));
        }
        assertThat(d.read("img2.txt")).isEqualTo("GLSHS, two, edited");
        assertThat(DatasetPreparer.canUndo(d.layout)).isFalse();
        assertThatThrownBy(() -> preparer.undo(d.layout, null, null)).hasMessageContaining("no finished Prepare");
    }

    @Test
    void undoKeepsAnEditedPreparedImageInTheTrashAndLeavesRemovedImagesRemoved() throws IOException {
        DatasetFixture d = threeImages();
        DatasetPreparer preparer = new DatasetPreparer(2);
        preparer.prepare(d.layout, SMALL, null, null);
        TestImages.write(TestImages.noise(256, 256, 99), "png", d.layout.dataset().resolve("02.png"));
        new ProjectTrash(d.layout).moveToTrash(List.of(d.layout.dataset().resolve("03.png")));

        UndoResult undo = preparer.undo(d.layout, null, null);

        assertThat(undo.restored()).isEqualTo(2);
        assertThat(undo.problems()).extracting(FileProblem::message)
                .containsExactly("02.png was edited after Prepare; the edited file was moved to .trash/");
        assertThat(d.dataset().keySet()).containsExactlyInAnyOrder("img2.png", "img2.txt", "Img3.bmp");
        assertThat(new ProjectTrash(d.layout).list()).extracting(t -> t.originalLocation().getFileName().toString())
                .containsExactlyInAnyOrder("03.png", "03.txt", "02.png");
    }

    @Test
    void anUnreadableImageIsReportedAndLeftWhileTheRestIsPrepared() throws IOException {
        DatasetFixture d = threeImages();
        Path broken = Files.writeString(d.layout.dataset().resolve("zz-broken.png"), "not a png");

        PrepareResult result = new DatasetPreparer(2).prepare(d.layout, SMALL, null, null);

        assertThat(result.prepared()).hasSize(3);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("zz-broken.png");
            assertThat(p.message()).contains("zz-broken.png").contains("left as it is");
        });
        assertThat(broken).hasContent("not a png");
    }

    @Test
    void anUnreadableImageOnANeededNameGoesToTheTrashWithItsCaption() throws IOException {
        DatasetFixture d = threeImages();
        Files.writeString(d.layout.dataset().resolve("02.png"), "truncated");
        d.caption("02.png", "caption of the broken one");

        PrepareResult result = new DatasetPreparer(2).prepare(d.layout, SMALL, null, null);

        assertThat(result.prepared()).extracting(PreparedImage::target).containsExactly("01.png", "02.png", "03.png");
        assertThat(result.notes()).extracting(FileProblem::message).containsOnlyOnce(
                "02.png was in the way of the new names and was moved to .trash/");
        List<TrashedFile> trashed = new ProjectTrash(d.layout).list();
        assertThat(trashed).extracting(t -> t.originalLocation().getFileName().toString())
                .containsExactlyInAnyOrder("02.png", "02.txt");
        assertThat(d.layout.dataset().resolve("02.txt")).doesNotExist(); // Img3.bmp, now 02.png, has none
    }

    @Test
    void twoImagesWithOneBaseNameBothGetTheCaption() throws IOException {
        DatasetFixture d = new DatasetFixture(root);
        d.image("a.png", 300, 200, 1, "GLSHS, shared");
        d.image("a.jpg", 200, 300, 2, null);

        PrepareResult result = new DatasetPreparer(1).prepare(d.layout, SMALL, null, null);

        assertThat(result.prepared()).extracting(PreparedImage::source).containsExactly("a.jpg", "a.png");
        assertThat(d.read("01.txt")).isEqualTo("GLSHS, shared");
        assertThat(d.read("02.txt")).isEqualTo("GLSHS, shared");
        assertThat(result.problems()).isEmpty();
        assertThat(result.notes()).extracting(FileProblem::message)
                .containsExactly("a.png shares the caption a.txt with a.jpg; both prepared images get a copy of it");
    }

    @Test
    void imagesPutIntoTheDatasetByHandGetAnOriginalFirst() throws IOException {
        DatasetFixture d = new DatasetFixture(root);
        Path byHand = TestImages.writeJpeg(TestImages.noise(400, 400, 7), false, d.layout.dataset().resolve("x.jpg"));
        byte[] bytes = Files.readAllBytes(byHand);

        new DatasetPreparer(1).prepare(d.layout, SMALL, null, null);

        assertThat(d.layout.originals().resolve("x.jpg")).hasBinaryContent(bytes);
        assertThat(d.dataset().keySet()).containsExactly("01.png");
    }

    @Test
    void aCancelledRunLeavesTheDatasetUntouchedAndAResumeFinishesIt() throws IOException {
        DatasetFixture d = threeImages();
        Map<String, String> before = d.dataset();
        int[] calls = {0};

        PrepareResult cancelled = new DatasetPreparer(1).prepare(d.layout, SMALL, null, () -> ++calls[0] > 2);

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(d.dataset()).isEqualTo(before);
        PrepareResult resumed = new DatasetPreparer(1).prepare(d.layout, SMALL, null, null);
        assertThat(resumed.prepared()).hasSize(3);
        assertThat(d.dataset().keySet()).containsExactly("01.png", "01.txt", "02.png", "03.png", "03.txt");
    }

    @Test
    void aReadOnlyDatasetIsRefusedBeforeAnythingChanges() throws IOException {
        DatasetFixture d = threeImages();
        Map<String, String> before = d.snapshot();
        Files.setPosixFilePermissions(d.layout.dataset(), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> new DatasetPreparer(1).prepare(d.layout, SMALL, null, null))
                    .isInstanceOf(IOException.class).hasMessageContaining("read-only")
                    .hasMessageContaining(d.layout.dataset().toString());
        } finally {
            Files.setPosixFilePermissions(d.layout.dataset(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(d.snapshot()).isEqualTo(before);
    }

    @Test
    void aDamagedJournalIsNamed() throws IOException {
        DatasetFixture d = threeImages();
        Path journal = d.layout.dataset().resolve(".prepare/journal.json");
        Files.createDirectories(journal.getParent());
        Files.writeString(journal, "{ \"state\": ");

        assertThatThrownBy(() -> new DatasetPreparer(1).prepare(d.layout, SMALL, null, null))
                .hasMessageContaining(journal.toString()).hasMessageContaining("damaged");
    }

    @Test
    void optionsOutsideTheUsefulRangeAreRefused() {
        assertThatThrownBy(() -> new PrepareOptions(100, OutputFormat.PNG)).hasMessageContaining("256");
        assertThat(OutputFormat.parse("JPEG")).isEqualTo(OutputFormat.JPEG);
        assertThatThrownBy(() -> OutputFormat.parse("gif")).hasMessageContaining("gif");
    }

    private ImageInfo size(String datasetFile) throws IOException {
        return probe.probe(root.resolve("dataset").resolve(datasetFile));
    }
}
