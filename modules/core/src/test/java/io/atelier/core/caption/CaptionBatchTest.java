package io.atelier.core.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionBatchTest {

    @TempDir
    Path root;

    private final List<Path> images = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Path dataset = Files.createDirectories(root.resolve("dataset"));
        String[] captions = {"GLSHS, long_hair, solo", "\uFEFFlong_hair, GLSHS, 1girl, solo, solo", null,
                "GLSHS, ^_^, blue eyes"};
        for (int i = 0; i < captions.length; i++) {
            Path image = Files.write(dataset.resolve("0" + (i + 1) + ".png"), new byte[]{1});
            images.add(image);
            if (captions[i] != null) {
                Files.write(dataset.resolve("0" + (i + 1) + ".txt"), captions[i].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private String text(int i) throws IOException {
        return Files.readString(CaptionFiles.captionFile(images.get(i)), StandardCharsets.UTF_8);
    }

    @Test
    void previewWritesNothingAndKeepsTheTriggerFirst() throws IOException {
        BatchPreview p = CaptionBatch.preview(images, new CaptionEdit.AddTag("smile", 0), "GLSHS");

        assertThat(p.changes()).hasSize(4);
        assertThat(p.changes().get(0).after().tags()).containsExactly("GLSHS", "smile", "long_hair", "solo");
        assertThat(p.changes().get(1).after().tags()).containsExactly("smile", "long_hair", "GLSHS", "1girl", "solo",
                "solo"); // does not start with the trigger: left where it is
        assertThat(p.changes().get(2).after().tags()).containsExactly("smile");
        assertThat(text(0)).isEqualTo("GLSHS, long_hair, solo");
    }

    @Test
    void applyThenUndoThenRedoRestoresExactBytes() throws IOException {
        byte[] second = Files.readAllBytes(CaptionFiles.captionFile(images.get(1)));
        BatchPreview p = CaptionBatch.preview(images, new CaptionEdit.UnderscoresToSpaces(), "GLSHS");
        assertThat(p.changes()).hasSize(2);
        assertThat(p.unchanged()).isEqualTo(2);

        BatchResult done = CaptionBatch.apply(p, null);
        assertThat(done.written()).isEqualTo(2);
        assertThat(text(0)).isEqualTo("GLSHS, long hair, solo\n");
        assertThat(text(3)).isEqualTo("GLSHS, ^_^, blue eyes");

        BatchResult undone = CaptionBatch.undo(done.undo());
        assertThat(undone.written()).isEqualTo(2);
        assertThat(text(0)).isEqualTo("GLSHS, long_hair, solo");
        assertThat(CaptionFiles.captionFile(images.get(1))).hasBinaryContent(second);

        CaptionBatch.undo(undone.undo());
        assertThat(text(0)).isEqualTo("GLSHS, long hair, solo\n");
    }

    @Test
    void aCaptionEditedElsewhereIsLeftAloneAndReported() throws IOException {
        BatchPreview p = CaptionBatch.preview(images, new CaptionEdit.RemoveTag("solo"), "GLSHS");
        Files.writeString(CaptionFiles.captionFile(images.get(0)), "changed by another tool");

        BatchResult r = CaptionBatch.apply(p, null);

        assertThat(r.written()).isEqualTo(1);
        assertThat(r.conflicts()).singleElement().satisfies(c ->
                assertThat(c.message()).contains("01.txt").contains("changed by another program"));
        assertThat(text(0)).isEqualTo("changed by another tool");
    }

    @Test
    void everyOperation() throws IOException {
        Caption c = Caption.parse("GLSHS, long_hair, solo, solo, blue eyes");
        assertThat(new CaptionEdit.ReplaceTag("solo", "1girl").apply(c).tags())
                .containsExactly("GLSHS", "long_hair", "1girl", "blue eyes");
        assertThat(new CaptionEdit.RegexReplace("(blue|green) eyes", "$1_eyes").apply(c).tags())
                .containsExactly("GLSHS", "long_hair", "solo", "solo", "blue_eyes");
        assertThat(new CaptionEdit.RemoveDuplicates().apply(c).tags())
                .containsExactly("GLSHS", "long_hair", "solo", "blue eyes");
        assertThat(new CaptionEdit.SortTags("GLSHS").apply(c).tags())
                .containsExactly("GLSHS", "blue eyes", "long_hair", "solo", "solo");
        assertThat(new CaptionEdit.TriggerFirst("GLSHS").apply(Caption.parse("a, glshs")).tags())
                .containsExactly("GLSHS", "a");
        assertThatThrownBy(() -> new CaptionEdit.RegexReplace("(", "x")).hasMessageContaining("invalid regular");
        assertThatThrownBy(() -> new CaptionEdit.AddTag("a, b", 0)).hasMessageContaining("comma");

        BatchPreview trigger = CaptionBatch.preview(images, new CaptionEdit.TriggerFirst("GLSHS"), "GLSHS");
        assertThat(trigger.changes()).extracting(ch -> ch.after().tags().get(0)).containsOnly("GLSHS");
        assertThat(trigger.changes()).hasSize(2); // 02 moved to the front, 03 gets it
    }
}
