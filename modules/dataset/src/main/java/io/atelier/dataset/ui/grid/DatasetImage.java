package io.atelier.dataset.ui.grid;

import java.nio.file.Path;

/**
 * One image of the dataset as last listed. Size and modification time are part of its identity, so an image edited
 * in another program is a new {@code DatasetImage} and its thumbnail is made again.
 */
public record DatasetImage(Path file, long size, long modified) {

    public String name() {
        return file.getFileName().toString();
    }
}
