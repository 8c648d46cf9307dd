package io.atelier.imaging.encode;

import io.atelier.core.io.AtomicFiles;
import io.atelier.imaging.decode.ImageFormats;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Encodes an image to a file whole or not at all: a temp file beside the target, then an atomic rename. */
public final class AtomicImageWriter {

    private AtomicImageWriter() {
    }

    /** Lossless PNG at the writer's default compression. */
    public static void png(BufferedImage image, Path target) throws IOException {
        write(image, "png", null, target);
    }

    /** Baseline JPEG at {@code quality} (0..1, IJG scale / 100). */
    public static void jpeg(BufferedImage image, float quality, Path target) throws IOException {
        if (quality <= 0 || quality > 1) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], got " + quality);
        }
        write(image, "jpeg", quality, target);
    }

    private static void write(BufferedImage image, String format, Float quality, Path target) throws IOException {
        ImageFormats.ensureRegistered();
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            ImageWriter writer = writer(format);
            try (OutputStream out = Files.newOutputStream(tmp);
                 ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (quality != null) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(quality);
                }
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            AtomicFiles.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ImageWriter writer(String format) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no " + format + " writer");
        }
        return writers.next();
    }
}
