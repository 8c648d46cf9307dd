package io.atelier.tagger.preprocess;

import io.atelier.imaging.decode.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Turns an image into the tensor a WD14 tagger takes, in the reference's order (reference/wd14-tagger.md §4):
 * alpha onto white, pad to a white square with the image centred (offsets floored), Pillow BICUBIC resize to the
 * model's size (skipped when the square already has it), float32 0–255, BGR, HWC. The batch axis is the caller's.
 * Thread-safe.
 *
 * <p>Files are decoded by the imaging module, which also applies EXIF orientation (the reference does not): the
 * tagger sees the picture the user and the dataset window see.
 */
public final class TaggerPreprocessor {

    private final ImageDecoder decoder;

    public TaggerPreprocessor() {
        this(new ImageDecoder());
    }

    public TaggerPreprocessor(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /** Decodes {@code file} and preprocesses it; decode failures are {@code ImageDecodeException}s naming the file. */
    public float[] tensor(Path file, int size) throws IOException {
        return tensor(decoder.decode(file), size);
    }

    /** The {@code size × size × 3} tensor of {@code image}, row-major, channels B, G, R. */
    public static float[] tensor(BufferedImage image, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int side = Math.max(w, h);
        int[] rgb = OpaqueWhite.pixels(image);
        int[] pixels = side == size
                ? padToSquare(rgb, w, h, side)
                // the white square is never built: the resampler pads rows as it reads them
                : PillowBicubic.resizeOnWhite(rgb, w, h, (side - w) / 2, (side - h) / 2, side, side, size, size);
        return bgrFloats(pixels);
    }

    /** White {@code side × side} canvas with the image pasted at ((side − w) // 2, (side − h) // 2). */
    static int[] padToSquare(int[] rgb, int w, int h, int side) {
        if (w == side && h == side) {
            return rgb;
        }
        int[] square = new int[side * side];
        Arrays.fill(square, 0xFFFFFF);
        int left = (side - w) / 2;
        int top = (side - h) / 2;
        for (int y = 0; y < h; y++) {
            System.arraycopy(rgb, y * w, square, (y + top) * side + left, w);
        }
        return square;
    }

    private static float[] bgrFloats(int[] rgb) {
        float[] out = new float[rgb.length * 3];
        for (int i = 0, o = 0; i < rgb.length; i++, o += 3) {
            int p = rgb[i];
            out[o] = p & 0xFF;
            out[o + 1] = (p >> 8) & 0xFF;
            out[o + 2] = (p >> 16) & 0xFF;
        }
        return out;
    }
}
