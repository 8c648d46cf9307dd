package io.atelier.imaging.decode;

/**
 * What the header of an image file says.
 *
 * @param format lower-case format name of the reader that recognised the content ("png", "jpeg", "webp", ...)
 * @param width  width in pixels as stored (before EXIF orientation)
 * @param height height in pixels as stored (before EXIF orientation)
 */
public record ImageInfo(String format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }
}
