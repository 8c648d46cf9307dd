package io.atelier.core.buckets;

/** Pixel size of an image, before or after resizing. */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
    }

    /** Width over height, as sd-scripts computes it (float division). */
    public double aspect() {
        return (double) width / height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
