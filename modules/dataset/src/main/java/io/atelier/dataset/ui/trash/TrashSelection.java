package io.atelier.dataset.ui.trash;

import io.atelier.core.project.ProjectLayout;
import io.atelier.dataset.ui.grid.DatasetImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which files a "move to trash" of the grid's selection moves: each selected dataset image once, in grid order. */
public final class TrashSelection {

    private TrashSelection() {
    }

    /**
     * The images of {@code selected} that lie directly in the dataset folder, without repeats. Anything else (a stale
     * selection from before a refresh pointing elsewhere) is left alone rather than trashed by surprise. Captions are
     * not listed: the trash takes each image's caption along.
     */
    public static List<Path> files(List<DatasetImage> selected, ProjectLayout layout) {
        Set<Path> files = new LinkedHashSet<>();
        Path dataset = layout.dataset();
        for (DatasetImage image : selected) {
            Path f = image.file().toAbsolutePath().normalize();
            if (dataset.equals(f.getParent())) {
                files.add(f);
            }
        }
        return new ArrayList<>(files);
    }
}
