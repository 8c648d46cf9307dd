package io.atelier.dataset.ui.grid;

import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.report.DatasetReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Lists the images of a dataset with the attributes the grid keys its thumbnails on. Reads the disk: off the EDT. */
public final class DatasetListing {

    private static final Logger LOG = Logger.getLogger(DatasetListing.class.getName());

    private DatasetListing() {
    }

    /** The training images of {@code dataset/} sorted by name, the same set the quality report and Prepare use. */
    public static List<DatasetImage> list(ProjectLayout layout) throws IOException {
        List<Path> files = DatasetReport.imageFiles(layout);
        List<DatasetImage> images = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                images.add(new DatasetImage(file, a.size(), a.lastModifiedTime().toMillis()));
            } catch (NoSuchFileException e) {
                // removed between listing and reading it: the next refresh (the folder changed) shows the truth
                LOG.log(Level.FINE, "gone while listing: {0}", file);
            }
        }
        return images;
    }
}
