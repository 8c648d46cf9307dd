package io.atelier.dataset.ui.work;

import io.atelier.core.project.ProjectLayout;
import org.openide.filesystems.FileUtil;

/**
 * Tells the NetBeans file system that the dataset and the trash changed on disk (our own writes go through
 * {@code java.nio}), so the Projects window's counts and every folder listener catch up. Reads the disk: off the EDT.
 */
public final class FolderRefresh {

    private FolderRefresh() {
    }

    public static void datasetChanged(ProjectLayout layout) {
        FileUtil.refreshFor(layout.dataset().toFile(), layout.trash().toFile());
    }
}
