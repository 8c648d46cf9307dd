package io.atelier.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTrashTest {

    @TempDir
    Path root;

    private Path write(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void anImageGoesToTheTrashWithItsCaptionAndComesBack() throws IOException {
        ProjectLayout layout = new ProjectLayout(root);
        Path image = write("dataset/01.png", "pixels");
        write("dataset/01.txt", "GLSHS, shard");
        ProjectTrash trash = new ProjectTrash(layout);

        List<TrashedFile> moved = trash.moveToTrash(List.of(image));

        assertThat(moved).extracting(TrashedFile::originalLocation)
                .containsExactly(image, root.resolve("dataset/01.txt"));
        assertThat(image).doesNotExist();
        assertThat(root.resolve("dataset/01.txt")).doesNotExist();
        assertThat(moved.get(0).trashed()).startsWith(layout.trash()).hasContent("pixels");
        assertThat(trash.list()).extracting(TrashedFile::originalLocation).containsExactlyInAnyOrder(
                image, root.resolve("dataset/01.txt"));

        Path back = trash.restore(trash.list().stream().filter(t -> t.originalLocation().equals(image)).findFirst()
                .orElseThrow());

        assertThat(back).isEqualTo(image).hasContent("pixels");
        assertThat(root.resolve("dataset/01.txt")).hasContent("GLSHS, shard");
        assertThat(trash.list()).isEmpty();
        assertThat(layout.trash()).isEmptyDirectory();
    }

    @Test
    void aTakenNameGetsASuffixOnRestoreAndTheCaptionFollows() throws IOException {
        ProjectLayout layout = new ProjectLayout(root);
        Path image = write("dataset/a.png", "old");
        write("dataset/a.txt", "old caption");
        ProjectTrash trash = new ProjectTrash(layout);
        trash.moveToTrash(List.of(image));
        write("dataset/a.png", "new");
        write("dataset/a.txt", "new caption");

        Path back = trash.restore(trash.list().stream().filter(t -> t.trashed().toString().endsWith("a.png"))
                .findFirst().orElseThrow());

        assertThat(back).isEqualTo(root.resolve("dataset/a-2.png")).hasContent("old");
        assertThat(root.resolve("dataset/a-2.txt")).hasContent("old caption");
        assertThat(root.resolve("dataset/a.png")).hasContent("new");
        assertThat(root.resolve("dataset/a.txt")).hasContent("new caption");
    }

    @Test
    void batchesListNewestFirst() throws IOException {
        ProjectTrash trash = new ProjectTrash(new ProjectLayout(root));
        trash.moveToTrash(List.of(write("dataset/first.png", "1")));
        trash.moveToTrash(List.of(write("dataset/second.png", "2")));

        assertThat(trash.list()).extracting(t -> t.originalLocation().getFileName().toString())
                .containsExactly("second.png", "first.png");
        assertThat(trash.list().get(0).trashedAt()).isAfter(trash.list().get(1).trashedAt());
    }

    @Test
    void filesOutsideTheProjectAndMissingFilesAreRefusedByName(@TempDir Path elsewhere) throws IOException {
        ProjectTrash trash = new ProjectTrash(new ProjectLayout(root));
        Path outside = Files.writeString(elsewhere.resolve("x.png"), "x");

        assertThatThrownBy(() -> trash.moveToTrash(List.of(outside)))
                .isInstanceOf(IOException.class).hasMessageContaining(outside.toString())
                .hasMessageContaining("not a file of the project");
        assertThatThrownBy(() -> trash.moveToTrash(List.of(root.resolve("dataset/gone.png"))))
                .hasMessageContaining("gone.png").hasMessageContaining("no such file");
        assertThat(outside).exists();
    }
}
