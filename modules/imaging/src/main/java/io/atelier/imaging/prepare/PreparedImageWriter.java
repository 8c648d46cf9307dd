package io.atelier.imaging.prepare;

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

/** Encodes a prepared image, whole or not at all (temp file, then an atomic rename). */
final class PreparedImageWriter {

    private PreparedImageWriter() {
    }

    static void write(BufferedImage image, OutputFormat format, Path target) throws IOException {
        ImageFormats.ensureRegistered();
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            ImageWriter writer = writer(format);
            try (OutputStream out = Files.newOutputStream(tmp);
                 ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (format == OutputFormat.JPEG) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(OutputFormat.JPEG_QUALITY);
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

    private static ImageWriter writer(OutputFormat format) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format == OutputFormat.PNG ? "png" : "jpeg");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no " + format + " writer");
        }
        return writers.next();
    }
}
