package io.atelier.imaging.report;

/**
 * What the quality check found about one image of the dataset.
 *
 * @param file             file name inside {@code dataset/}
 * @param format           format the content was recognised as ("png", "jpeg", ...), not the extension
 * @param width            width in pixels, upright (EXIF orientation applied)
 * @param height           height in pixels, upright
 * @param needsUpscale     whether the long side is below the target long side
 * @param scaleFactor      factor the image is resized by to reach the target long side; above 1 is an upscale
 * @param blurScore        variance of the Laplacian at the normalised measuring size ({@code BlurMeasure})
 * @param blurry           {@code blurScore} is below {@code BlurMeasure.BLURRY_BELOW}
 * @param jpegQuality      estimated IJG quality, only for JPEG content (null otherwise or when unreadable)
 * @param heavyCompression the JPEG quality is below {@code JpegQuality.HEAVY_COMPRESSION_BELOW}
 * @param captioned        a non-blank {@code .txt} caption lies beside the image
 * @param contentHash      SHA-256 of the file's bytes
 * @param perceptualHash   64-bit DCT perceptual hash, 16 hex digits
 * @param rotatedByExif    the pixels are stored rotated or mirrored with an EXIF orientation; sd-scripts ignores it
 *                         and would train the image sideways (Prepare bakes the rotation in)
 * @param transparent      the image has transparent pixels; sd-scripts drops alpha without compositing, so they
 *                         train in whatever colour hides under them (Prepare composites onto white)
 */
public record ImageFinding(String file, String format, int width, int height, boolean needsUpscale,
                           double scaleFactor, double blurScore, boolean blurry, Integer jpegQuality,
                           boolean heavyCompression, boolean captioned, String contentHash, String perceptualHash,
                           boolean rotatedByExif, boolean transparent) {

    /** The same finding after a caption was written (or removed) beside the image. */
    public ImageFinding withCaptioned(boolean nowCaptioned) {
        return new ImageFinding(file, format, width, height, needsUpscale, scaleFactor, blurScore, blurry, jpegQuality,
                heavyCompression, nowCaptioned, contentHash, perceptualHash, rotatedByExif, transparent);
    }

    /** Width over height. */
    public double aspect() {
        return (double) width / height;
    }
}
