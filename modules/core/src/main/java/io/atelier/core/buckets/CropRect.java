package io.atelier.core.buckets;

/**
 * The part of the resized image that is kept, in resized-image pixels; right and bottom are exclusive, so
 * {@code right - left} and {@code bottom - top} are the bucket's width and height.
 */
public record CropRect(int left, int top, int right, int bottom) {

    public CropRect {
        if (left < 0 || top < 0 || right <= left || bottom <= top) {
            throw new IllegalArgumentException("bad crop " + left + "," + top + "," + right + "," + bottom);
        }
    }

    public int width() {
        return right - left;
    }

    public int height() {
        return bottom - top;
    }
}
