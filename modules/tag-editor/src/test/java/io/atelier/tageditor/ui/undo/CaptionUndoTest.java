package io.atelier.tageditor.ui.undo;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.caption.BatchPreview;
import io.atelier.core.caption.Caption;
import io.atelier.core.caption.CaptionBatch;
import io.atelier.core.caption.CaptionEdit;
import io.atelier.core.caption.CaptionFiles;
import io.atelier.core.caption.CaptionProblem;
import io.atelier.core.caption.CaptionText;
import io.atelier.tageditor.ui.captions.CaptionIndex;
import io.atelier.tageditor.ui.captions.CaptionWriter;
import io.atelier.tageditor.ui.captions.ConflictResolver;
import io.atelier.tageditor.ui.editor.CaptionEditing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.awt.UndoRedo;

/**
 * Undo and redo through the window's {@link UndoRedo.Manager}: a chip edit and a batch each are one step, and undo
 * puts back the exact bytes (BOM, CRLF, odd spacing, a missing file), while a caption changed by another program
 * since is left alone and reported. The writer runs synchronously here.
 */
class CaptionUndoTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path root;
    private Path dataset;
    private final UndoRedo.Manager manager = new UndoRedo.Manager();
    private final CaptionIndex index = new CaptionIndex();
    private final CaptionWriter writer = new CaptionWriter(Runnable::run, Runnable::run);
    private final List<String> reported = new ArrayList<>();
    private CaptionHistory history;
    private CaptionEditing editing;
    private ConflictResolver.Choice choice = ConflictResolver.Choice.USE_THEIRS;
    private final List<String> conflictsShown = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dataset = Files.createDirectories(root.resolve("dataset"));
        history = new CaptionHistory(manager, index, writer, (what, problems) -> problems.stream()
                .map(CaptionProblem::message).forEach(reported::add));
        editing = new CaptionEditing(index, writer, history, (image, mine, theirs) -> {
            conflictsShown.add(mine.text() + " | " + theirs.text().strip());
            return choice;
        }, reported::add);
    }

    private Path image(String name, byte[] caption) throws IOException {
        Path image = Files.write(dataset.resolve(name + ".png"), new byte[]{1});
        if (caption != null) {
            Files.write(dataset.resolve(name + ".txt"), caption);
        }
        return image;
    }

    private void list(Path... images) throws IOException {
        Map<Path, CaptionText> read = new HashMap<>();
        for (Path i : images) {
            read.put(i, CaptionFiles.read(i));
        }
        index.replaceAll(List.of(images), read, Map.of());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] onDisk(Path image) throws IOException {
        return Files.readAllBytes(CaptionFiles.captionFile(image));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aChipEditIsOneStepAndUndoPutsBackTheExactBytes() throws IOException {
        byte[] original = concat(BOM, bytes("GLSHS ,1girl,  solo\r\n"));
        Path img = image("01", original);
        list(img);

        editing.edit(img, Caption.parse("GLSHS, 1girl, solo, smile"), "Add \u201csmile\u201d");
        assertThat(new String(onDisk(img), StandardCharsets.UTF_8)).isEqualTo("GLSHS, 1girl, solo, smile\n");
        assertThat(index.caption(img).tags()).containsExactly("GLSHS", "1girl", "solo", "smile");
        assertThat(manager.canUndo()).isTrue();
        assertThat(manager.getUndoPresentationName()).contains("Add \u201csmile\u201d");

        manager.undo();
        assertThat(onDisk(img)).isEqualTo(original);
        assertThat(index.caption(img).tags()).containsExactly("GLSHS", "1girl", "solo");
        assertThat(index.pending(img)).isFalse();

        manager.redo();
        assertThat(new String(onDisk(img), StandardCharsets.UTF_8)).isEqualTo("GLSHS, 1girl, solo, smile\n");
        manager.undo();
        assertThat(onDisk(img)).isEqualTo(original);
    }

    @Test
    void undoingTheFirstCaptionOfAnImageRemovesTheFile() throws IOException {
        Path img = image("02", null);
        list(img);
        editing.edit(img, Caption.parse("GLSHS, smile"), "Add");
        assertThat(Files.exists(CaptionFiles.captionFile(img))).isTrue();
        manager.undo();
        assertThat(Files.exists(CaptionFiles.captionFile(img))).isFalse();
        assertThat(index.caption(img).isEmpty()).isTrue();
        manager.redo();
        assertThat(new String(onDisk(img), StandardCharsets.UTF_8)).isEqualTo("GLSHS, smile\n");
    }

    @Test
    void successiveEditsAreStepsOfTheirOwn() throws IOException {
        Path img = image("03", bytes("a"));
        list(img);
        editing.edit(img, Caption.parse("a, b"), "b");
        editing.edit(img, Caption.parse("a, b, c"), "c");
        manager.undo();
        assertThat(new String(onDisk(img), StandardCharsets.UTF_8)).isEqualTo("a, b\n");
        manager.undo();
        assertThat(new String(onDisk(img), StandardCharsets.UTF_8)).isEqualTo("a");
        assertThat(manager.canUndo()).isFalse();
    }

    @Test
    void aBatchIsOneStepAndUndoRestoresEveryCaptionExactly() throws IOException {
        byte[] first = bytes("GLSHS, long_hair, blue_eyes\r\n");
        byte[] second = concat(BOM, bytes("GLSHS,short_hair"));
        Path a = image("a", first);
        Path b = image("b", second);
        Path c = image("c", bytes("GLSHS, smile\n"));
        list(a, b, c);

        BatchPreview preview = CaptionBatch.preview(List.of(a, b, c), new CaptionEdit.UnderscoresToSpaces(), "GLSHS");
        assertThat(preview.changes()).hasSize(2);
        index.writing(List.of(a, b));
        List<CaptionWriter.Applied> done = new ArrayList<>();
        writer.apply(preview, CaptionWriter.Progress.NONE, done::add);
        index.settledAll(List.of(a, b), done.get(0).now());
        history.record(preview.edit().describe(), done.get(0).result().undo());

        assertThat(new String(onDisk(a), StandardCharsets.UTF_8)).isEqualTo("GLSHS, long hair, blue eyes\n");
        assertThat(index.caption(b).tags()).containsExactly("GLSHS", "short hair");
        assertThat(manager.getUndoPresentationName()).contains("Replace underscores with spaces");

        manager.undo();
        assertThat(onDisk(a)).isEqualTo(first);
        assertThat(onDisk(b)).isEqualTo(second);
        assertThat(index.caption(b).tags()).containsExactly("GLSHS", "short_hair");
        assertThat(manager.canUndo()).isFalse();

        manager.redo();
        assertThat(new String(onDisk(b), StandardCharsets.UTF_8)).isEqualTo("GLSHS, short hair\n");
    }

    @Test
    void undoLeavesACaptionChangedElsewhereAloneAndSaysSo() throws IOException {
        Path img = image("04", bytes("a"));
        list(img);
        editing.edit(img, Caption.parse("a, b"), "b");
        Files.writeString(CaptionFiles.captionFile(img), "edited elsewhere");
        manager.undo();
        assertThat(Files.readString(CaptionFiles.captionFile(img))).isEqualTo("edited elsewhere");
        assertThat(reported).singleElement().asString().contains("04.txt");
    }

    @Test
    void anEditOverAChangeMadeElsewhereAsksAndNeverOverwritesSilently() throws IOException {
        Path img = image("05", bytes("a, b"));
        list(img);
        Files.writeString(CaptionFiles.captionFile(img), "a, b, theirs");

        choice = ConflictResolver.Choice.USE_THEIRS;
        editing.edit(img, Caption.parse("a, b, mine"), "mine");
        assertThat(conflictsShown).containsExactly("a, b, mine | a, b, theirs");
        assertThat(Files.readString(CaptionFiles.captionFile(img))).isEqualTo("a, b, theirs");
        assertThat(index.caption(img).tags()).containsExactly("a", "b", "theirs");
        assertThat(manager.canUndo()).isFalse();

        Files.writeString(CaptionFiles.captionFile(img), "a, b, theirs again");
        choice = ConflictResolver.Choice.KEEP_MINE;
        editing.edit(img, Caption.parse("a, b, mine"), "mine");
        assertThat(Files.readString(CaptionFiles.captionFile(img))).isEqualTo("a, b, mine\n");
        assertThat(index.caption(img).tags()).containsExactly("a", "b", "mine");
        manager.undo();
        assertThat(Files.readString(CaptionFiles.captionFile(img))).isEqualTo("a, b, theirs again");
    }
}
