package io.atelier.core.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.project.ProjectLayout;
import io.atelier.core.project.ProjectTrash;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionFilesTest {

    @TempDir
    Path root;

    private Path image;

    @BeforeEach
    void setUp() throws IOException {
        image = Files.createDirectories(root.resolve("dataset")).resolve("01.png");
        Files.write(image, new byte[]{1});
    }

    private Path caption(byte[] bytes) throws IOException {
        return Files.write(root.resolve("dataset/01.txt"), bytes);
    }

    @Test
    void readsExactlyAndToleratesABom() throws IOException {
        caption("\uFEFFGLSHS, caf\u00e9,  odd   spacing\n".getBytes(StandardCharsets.UTF_8));

        CaptionText t = CaptionFiles.read(image);

        assertThat(t.bom()).isTrue();
        assertThat(t.text()).isEqualTo("GLSHS, caf\u00e9,  odd   spacing\n");
        assertThat(t.caption().tags()).containsExactly("GLSHS", "caf\u00e9", "odd spacing");
        assertThat(t.warning()).isNull();
        assertThat(t.exists()).isTrue();
    }

    @Test
    void aMissingCaptionIsEmptyAndAbsent() throws IOException {
        CaptionText t = CaptionFiles.read(image);
        assertThat(t.caption().isEmpty()).isTrue();
        assertThat(t.stamp()).isEqualTo(FileStamp.ABSENT);
        assertThat(t.exists()).isFalse();
    }

    @Test
    void otherEncodingsAreReadWithAWarning() throws IOException {
        caption("caf\u00e9, cr\u00e8me".getBytes(Charset.forName("windows-1252")));
        CaptionText legacy = CaptionFiles.read(image);
        assertThat(legacy.caption().tags()).containsExactly("caf\u00e9", "cr\u00e8me");
        assertThat(legacy.warning()).contains("Windows-1252");

        caption("\uFEFF\u65e5\u672c, tag".getBytes(StandardCharsets.UTF_16LE)); // little-endian with its BOM
        assertThat(CaptionFiles.read(image).caption().tags()).containsExactly("\u65e5\u672c", "tag");
        assertThat(CaptionFiles.read(image).warning()).contains("UTF-16");

        caption("a, b\nc, d\n".getBytes(StandardCharsets.UTF_8));
        assertThat(CaptionFiles.read(image).warning()).contains("2 lines");
    }

    @Test
    void binaryAndHugeFilesAreRefusedByName() throws IOException {
        Path file = caption(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertThatThrownBy(() -> CaptionFiles.read(image)).isInstanceOf(CaptionFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("binary");

        caption(new byte[(int) CaptionFiles.MAX_BYTES + 1]);
        assertThatThrownBy(() -> CaptionFiles.read(image)).isInstanceOf(CaptionFormatException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void writesNormalisedUtf8AtomicallyAndRefusesToOverwriteAnExternalEdit() throws IOException {
        caption("GLSHS,a".getBytes(StandardCharsets.UTF_8));
        CaptionText read = CaptionFiles.read(image);

        FileStamp written = CaptionFiles.write(image, read.caption().with("b", -1), read.stamp());

        assertThat(root.resolve("dataset/01.txt")).hasContent("GLSHS, a, b\n");
        assertThat(written).isEqualTo(FileStamp.current(root.resolve("dataset/01.txt")));

        Files.writeString(root.resolve("dataset/01.txt"), "edited elsewhere");
        assertThatThrownBy(() -> CaptionFiles.write(image, Caption.parse("mine"), written))
                .isInstanceOfSatisfying(CaptionConflictException.class,
                        e -> assertThat(e.current()).isEqualTo("edited elsewhere"));
        assertThat(root.resolve("dataset/01.txt")).hasContent("edited elsewhere");
    }

    @Test
    void anEmptiedCaptionGoesToTheTrashAndRestoreBringsTheBytesBack() throws IOException {
        byte[] original = "\uFEFFa, b".getBytes(StandardCharsets.UTF_8);
        caption(original);
        CaptionText read = CaptionFiles.read(image);

        assertThat(CaptionFiles.write(image, Caption.EMPTY, read.stamp())).isEqualTo(FileStamp.ABSENT);
        assertThat(root.resolve("dataset/01.txt")).doesNotExist();
        assertThat(new ProjectTrash(new ProjectLayout(root)).list()).hasSize(1);

        CaptionFiles.restore(image, original, FileStamp.ABSENT);
        assertThat(root.resolve("dataset/01.txt")).hasBinaryContent(original);
    }
}
