package io.atelier.imaging.decode;

import java.awt.image.BufferedImage;

/**
 * A decoded image with what the decoding corrected, which trainers that load files as they are (sd-scripts through
 * PIL) would not: they train an EXIF-rotated photo sideways and transparent pixels in their hidden colour.
 *
 * @param image        upright, opaque sRGB {@code TYPE_INT_RGB}
 * @param format       the format the content was recognised as
 * @param orientation  the EXIF orientation applied (1 = none)
 * @param transparent  the file has pixels that are not fully opaque (composited onto white here)
 */
public record DecodedImage(BufferedImage image, String format, int orientation, boolean transparent) {

    /** The stored pixels are not upright: trainers that ignore EXIF see them rotated or mirrored. */
    public boolean rotatedByExif() {
        return orientation != ExifOrientation.NORMAL;
    }
}
