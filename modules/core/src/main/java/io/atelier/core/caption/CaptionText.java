package io.atelier.core.caption;

import java.nio.file.Path;

/**
 * A caption file as read.
 *
 * @param image   the image it belongs to
 * @param file    the {@code .txt} beside it
 * @param text    the text exactly as in the file (BOM removed), "" when there is no file
 * @param caption its tags
 * @param stamp   the version read, for the conflict check on write
 * @param bom     the file started with a UTF-8 byte-order mark
 * @param warning what the user should know about the file (legacy encoding, several lines), or null
 */
public record CaptionText(Path image, Path file, String text, Caption caption, FileStamp stamp, boolean bom,
                          String warning) {

    public boolean exists() {
        return !stamp.absent();
    }
}
