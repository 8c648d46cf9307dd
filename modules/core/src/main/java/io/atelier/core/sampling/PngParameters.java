package io.atelier.core.sampling;

import io.atelier.core.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * PNG files with their generation parameters in a {@code parameters} text chunk, the A1111 convention: {@code tEXt}
 * when the text is Latin-1 (as PIL writes it), else {@code iTXt} in UTF-8.
 */
public final class PngParameters {

    public static final String KEYWORD = "parameters";
    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngParameters() {
    }

    /** Writes the image with the text, atomically. */
    public static void write(Path target, BufferedImage image, String parameters) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            metadata.mergeTree(FORMAT, textNode(parameters));
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
        AtomicFiles.write(target, bytes.toByteArray());
    }

    private static IIOMetadataNode textNode(String text) {
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        boolean latin1 = StandardCharsets.ISO_8859_1.newEncoder().canEncode(text);
        IIOMetadataNode chunk = new IIOMetadataNode(latin1 ? "tEXt" : "iTXt");
        IIOMetadataNode entry = new IIOMetadataNode(latin1 ? "tEXtEntry" : "iTXtEntry");
        entry.setAttribute("keyword", KEYWORD);
        if (latin1) {
            entry.setAttribute("value", text);
        } else {
            entry.setAttribute("compressionFlag", "FALSE");
            entry.setAttribute("compressionMethod", "0");
            entry.setAttribute("languageTag", "");
            entry.setAttribute("translatedKeyword", "");
            entry.setAttribute("text", text);
        }
        chunk.appendChild(entry);
        root.appendChild(chunk);
        return root;
    }

    /**
     * The {@code parameters} text of a PNG, or empty when it has none.
     *
     * @throws IOException when the file is not a readable PNG, naming it
     */
    public static Optional<String> read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(file))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReadersByFormatName("png");
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + ": no PNG reader");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                IIOMetadata metadata = reader.getImageMetadata(0);
                return find(metadata.getAsTree(FORMAT));
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + " is not a readable PNG: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static Optional<String> find(Node root) {
        for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
            String name = chunk.getNodeName();
            if (!name.equals("tEXt") && !name.equals("iTXt") && !name.equals("zTXt")) {
                continue;
            }
            for (Node e = chunk.getFirstChild(); e != null; e = e.getNextSibling()) {
                IIOMetadataNode entry = (IIOMetadataNode) e;
                if (KEYWORD.equals(entry.getAttribute("keyword"))) {
                    String value = name.equals("iTXt") ? entry.getAttribute("text") : entry.getAttribute("value");
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
