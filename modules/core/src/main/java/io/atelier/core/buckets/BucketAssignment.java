package io.atelier.core.buckets;

/**
 * Where one image goes: the bucket, the size it is resized to (covering the bucket), and the crop taken from the
 * resized image. {@code aspectError} is sd-scripts' signed {@code bucket_w / bucket_h − w / h}.
 */
public record BucketAssignment(ImageSize image, Bucket bucket, ImageSize resized, CropRect crop, double aspectError) {

    /** True when the image is enlarged, which softens it; sd-scripts does this unless bucket_no_upscale is set. */
    public boolean upscaled() {
        return resized.width() > image.width() || resized.height() > image.height();
    }

    /** Share of the resized image's pixels that the crop throws away, 0..1. */
    public double croppedFraction() {
        double kept = (double) crop.width() * crop.height();
        return 1.0 - kept / ((double) resized.width() * resized.height());
    }
}
