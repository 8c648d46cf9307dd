package io.atelier.imaging.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads only the header of an image file: its format and size. Rejects empty files, files whose content is not
 * an image, and decompression bombs, all before a single pixel buffer is allocated.
 */
public final class ImageProbe {

    /** 100 megapixels: far above any camera a dataset comes from, far below what exhausts a desktop heap. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** Longest side accepted; also catches absurd strips such as 1 x 2,000,000 that pass the pixel limit. */
    public static final int DEFAULT_MAX_SIDE = 30_000;

    private final long maxPixels;
    private final int maxSide;

    public ImageProbe() {
        this(DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE);
    }

    public ImageProbe(long maxPixels, int maxSide) {
        if (maxPixels < 1 || maxSide < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxPixels + " pixels, " + maxSide + " px");
        }
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
    }

    /** Format and stored size of the image in {@code file}. */
    public ImageInfo probe(Path file) throws IOException {
        try (OpenedImage image = open(file)) {
            return image.info();
        }
    }

    /** Opens the file, reads and checks its header; the caller must close the result. */
    OpenedImage open(Path file) throws IOException {
        ImageFormats.ensureRegistered();
        checkName(file);
        checkNotEmpty(file);
        ImageInputStream stream = ImageIO.createImageInputStream(file.toFile());
        if (stream == null) {
            throw new ImageDecodeException(file, "cannot open file");
        }
        try {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new ImageDecodeException(file, "not a recognised image (content does not match any image format)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, false);
                ImageInfo info = readHeader(file, reader);
                checkLimits(file, info);
                return new OpenedImage(file, stream, reader, info);
            } catch (IOException | RuntimeException e) {
                reader.dispose();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /**
     * A name whose bytes are not valid in the system's file-name encoding (Latin-1 bytes under a UTF-8 locale, from
     * an old archive or camera) reaches Java with U+FFFD in it and cannot be opened under any name Java can form.
     */
    private static void checkName(Path file) throws ImageDecodeException {
        if (file.getFileName() != null && file.getFileName().toString().indexOf('\uFFFD') >= 0) {
            throw new ImageDecodeException(file, "the file name is not valid " + System.getProperty("sun.jnu.encoding",
                    "UTF-8") + " (\uFFFD marks the bad bytes); rename the file, then try again");
        }
    }

    private static void checkNotEmpty(Path file) throws ImageDecodeException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException(file, "file not found", e);
        } catch (IOException e) {
            throw new ImageDecodeException(file, "cannot read file", e);
        }
        if (size == 0) {
            throw new ImageDecodeException(file, "empty file (0 bytes)");
        }
    }

    private static ImageInfo readHeader(Path file, ImageReader reader) throws ImageDecodeException {
        String format = reader.getOriginatingProvider().getFormatNames()[0].toLowerCase(Locale.ROOT);
        try {
            // Only the header is parsed here; no raster exists yet.
            return new ImageInfo(format, reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            // Readers throw unchecked exceptions on some malformed headers; either way the file is unusable.
            throw new ImageDecodeException(file, "unreadable " + format + " header (truncated or corrupt file?)", e);
        }
    }

    private void checkLimits(Path file, ImageInfo info) throws ImageDecodeException {
        if (info.width() < 1 || info.height() < 1) {
            throw new ImageDecodeException(file, "invalid image size " + info.width() + " x " + info.height());
        }
        if (info.width() > maxSide || info.height() > maxSide || info.pixels() > maxPixels) {
            throw new ImageDecodeException(file, String.format(Locale.ROOT,
                    "image too large: %d x %d pixels (limit %.0f megapixels and %d px per side), not decoded"
                            + " (possible decompression bomb)",
                    info.width(), info.height(), maxPixels / 1e6, maxSide));
        }
    }
}
