package io.atelier.imaging.prepare;

/**
 * One image of a finished Prepare.
 *
 * @param source   its file name in {@code dataset/} before
 * @param original the untouched file in {@code dataset/.originals/} it was made from
 * @param target   its file name in {@code dataset/} now ({@code 01.png}, ...)
 * @param width    width after resizing
 * @param height   height after resizing
 * @param scale    factor it was resized by from the original; above 1 is an upscale
 */
public record PreparedImage(String source, String original, String target, int width, int height, double scale) {

    public boolean upscaled() {
        return scale > 1.0;
    }
}
