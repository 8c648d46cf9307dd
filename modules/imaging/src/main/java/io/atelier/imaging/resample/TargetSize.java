package io.atelier.imaging.resample;

/** Width and height in pixels an image is resized to. */
public record TargetSize(int width, int height) {

    public TargetSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be positive: " + width + " x " + height);
        }
    }
}
