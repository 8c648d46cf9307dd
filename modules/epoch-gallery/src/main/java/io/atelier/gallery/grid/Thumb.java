package io.atelier.gallery.grid;

import java.awt.image.BufferedImage;

/**
 * What a cell shows for its file: the thumbnail, or why there is none ("file missing", "unreadable"), or nothing yet
 * while it loads.
 *
 * @param key     what it was made from (null when the file was missing)
 * @param image   null when {@code problem} is set or while loading
 * @param problem short text drawn in the cell, or null
 */
public record Thumb(ThumbKey key, BufferedImage image, String problem) {

    public static final Thumb LOADING = new Thumb(null, null, null);

    public boolean loading() {
        return image == null && problem == null;
    }
}
