package io.atelier.imaging.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What went into the zip.
 *
 * @param zip         the written archive
 * @param images      image files written
 * @param captions    caption files written
 * @param uncaptioned images that went without a caption (trainers will train them on the trigger word only)
 * @param bytes       size of the archive
 */
public record ExportResult(Path zip, int images, int captions, List<String> uncaptioned, long bytes) {

    public ExportResult {
        uncaptioned = List.copyOf(uncaptioned);
    }
}
