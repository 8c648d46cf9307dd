package io.atelier.dataset.ui.trash;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.project.ProjectLayout;
import io.atelier.dataset.ui.grid.DatasetImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What "move to trash" moves for a grid selection. */
class TrashSelectionTest {

    private final ProjectLayout layout = new ProjectLayout(Path.of("/loras/glass"));

    private DatasetImage in(String relative) {
        return new DatasetImage(layout.root().resolve(relative), 1, 1);
    }

    @Test
    void eachSelectedDatasetImageOnceInGridOrder() {
        List<Path> files = TrashSelection.files(List.of(in("dataset/03.png"), in("dataset/01.png"),
                in("dataset/03.png")), layout);
        assertThat(files).containsExactly(layout.dataset().resolve("03.png"), layout.dataset().resolve("01.png"));
    }

    @Test
    void nothingOutsideTheDatasetFolderIsTrashed() {
        List<Path> files = TrashSelection.files(List.of(in("dataset/.originals/03.png"), in("atelier.json"),
                in("../other/dataset/01.png"), in("dataset/02.png")), layout);
        assertThat(files).containsExactly(layout.dataset().resolve("02.png"));
    }

    @Test
    void anEmptySelectionTrashesNothing() {
        assertThat(TrashSelection.files(List.of(), layout)).isEmpty();
    }
}
