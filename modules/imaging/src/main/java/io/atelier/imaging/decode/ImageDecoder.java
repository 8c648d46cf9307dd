package io.atelier.imaging.decode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Decodes an image file (PNG, JPEG incl. CMYK/YCCK, WebP, BMP, GIF first frame, TIFF) to an upright, opaque
 * sRGB {@code TYPE_INT_RGB} image: EXIF orientation applied, transparency composited onto white.
 * Thread-safe: every call uses its own reader.
 */
public final class ImageDecoder {

    private static final Logger LOG = Logger.getLogger(ImageDecoder.class.getName());
    /**
     * Reader warnings that mean the file ended early. libjpeg (inside the JDK and TwelveMonkeys JPEG readers)
     * only warns "Premature end of JPEG file" and fills the rest with grey, which must not pass as a good image.
     */
    private static final Pattern TRUNCATION = Pattern.compile("premature end|truncat|unexpected end|\\beof\\b",
            Pattern.CASE_INSENSITIVE);

    private final ImageProbe probe;

    public ImageDecoder() {
        this(new ImageProbe());
    }

    /** Decoder with the size limits of {@code probe}. */
    public ImageDecoder(ImageProbe probe) {
        this.probe = probe;
    }

    /** The upright, opaque sRGB image in {@code file}. */
    public BufferedImage decode(Path file) throws IOException {
        return decode(file, Integer.MAX_VALUE);
    }

    /**
     * The upright, opaque sRGB image in {@code file}, read with source subsampling so that its long side is not
     * much more than twice {@code minLongSide} (never less than {@code minLongSide}, unless the image is smaller).
     * For previews and thumbnails: a 6000 px photo for a 256 px thumbnail allocates 1/100 of the pixels.
     */
    public BufferedImage decode(Path file, int minLongSide) throws IOException {
        return decodeDetailed(file, minLongSide).image();
    }

    /** Like {@link #decode(Path)}, saying also whether EXIF orientation and transparency were corrected. */
    public DecodedImage decodeDetailed(Path file) throws IOException {
        return decodeDetailed(file, Integer.MAX_VALUE);
    }

    private DecodedImage decodeDetailed(Path file, int minLongSide) throws IOException {
        if (minLongSide < 1) {
            throw new IllegalArgumentException("long side must be positive: " + minLongSide);
        }
        String format;
        BufferedImage decoded;
        // The probe checks the header first, so a decompression bomb is refused before any raster is allocated.
        try (OpenedImage image = probe.open(file)) {
            format = image.info().format();
            int longSide = Math.max(image.info().width(), image.info().height());
            decoded = readPixels(image, Math.max(1, longSide / minLongSide));
        }
        int orientation = ExifOrientation.read(file, format);
        boolean transparent = hasTransparentPixel(decoded);
        return new DecodedImage(Orientation.apply(OpaqueRgb.convert(decoded), orientation), format, orientation,
                transparent);
    }

    /** Whether any pixel has alpha below 255; an alpha channel that is opaque everywhere changes nothing. */
    private static boolean hasTransparentPixel(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        int w = image.getWidth();
        int[] row = new int[w];
        java.awt.image.WritableRaster alpha = image.getAlphaRaster();
        if (alpha == null) {
            // indexed colour with a transparent entry: go through the palette
            for (int y = 0; y < image.getHeight(); y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int argb : row) {
                    if ((argb >>> 24) < 255) {
                        return true;
                    }
                }
            }
            return false;
        }
        int max = (1 << alpha.getSampleModel().getSampleSize(0)) - 1;
        for (int y = 0; y < image.getHeight(); y++) {
            alpha.getSamples(0, y, w, 1, 0, row);
            for (int a : row) {
                if (a < max) {
                    return true;
                }
            }
        }
        return false;
    }

    private static BufferedImage readPixels(OpenedImage image, int subsampling) throws ImageDecodeException {
        ImageReader reader = image.reader();
        List<String> warnings = new ArrayList<>();
        IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
        reader.addIIOReadWarningListener(listener);
        BufferedImage pixels;
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            pixels = reader.read(0, param); // image 0: the first frame of a GIF or page of a TIFF
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(image.file(),
                    "cannot decode " + image.info().format() + " image data (truncated or corrupt file?)", e);
        } finally {
            reader.removeIIOReadWarningListener(listener);
        }
        for (String warning : warnings) {
            if (TRUNCATION.matcher(warning).find()) {
                throw new ImageDecodeException(image.file(),
                        "truncated " + image.info().format() + " file: " + warning.toLowerCase(Locale.ROOT).trim());
            }
            LOG.fine(() -> image.file() + ": " + warning);
        }
        return pixels;
    }
}
