package io.atelier.imaging.decode;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads the EXIF Orientation tag (1..8) of JPEG, TIFF, WebP and PNG files with the TwelveMonkeys TIFF/EXIF parser.
 * Cameras and phones store pixels as the sensor saw them and only record the rotation here.
 */
final class ExifOrientation {

    static final int NORMAL = 1;

    private static final Logger LOG = Logger.getLogger(ExifOrientation.class.getName());
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

    private ExifOrientation() {
    }

    /**
     * The orientation of an already accepted image, {@link #NORMAL} if it has none. A damaged EXIF block does not
     * make the pixels unusable, so it is logged and treated as "no orientation" instead of failing the decode; a file
     * that vanished meanwhile does fail it.
     *
     * @throws ImageDecodeException when the file is gone or no longer readable
     */
    static int read(Path file, String format) throws IOException {
        try {
            Directory exif = switch (format) {
                case "jpeg", "jpg" -> fromJpeg(file);
                case "tiff", "tif" -> fromTiff(file);
                case "webp" -> fromExifBytes(riffChunk(file, "EXIF"));
                case "png" -> fromExifBytes(pngChunk(file, "eXIf"));
                default -> null;
            };
            return exif == null ? NORMAL : orientationOf(file, exif);
        } catch (IOException | RuntimeException e) {
            if (!Files.isReadable(file)) {
                // the file went away (or became unreadable) while it was being decoded: that fails the decode
                throw new ImageDecodeException(file, "the file disappeared or became unreadable while it was read", e);
            }
            LOG.log(Level.WARNING, file + ": unreadable EXIF data, orientation ignored", e);
            return NORMAL;
        }
    }

    private static Directory fromJpeg(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return null;
            }
            // data() starts after the "Exif\0" identifier; one pad byte follows before the TIFF header.
            InputStream data = segments.get(0).data();
            if (data.read() < 0) {
                return null;
            }
            return readTiff(data);
        }
    }

    private static Directory fromTiff(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return new TIFFReader().read(in);
        }
    }

    private static Directory fromExifBytes(byte[] exif) throws IOException {
        if (exif == null) {
            return null;
        }
        // Some writers keep the JPEG-style "Exif\0\0" prefix in WebP/PNG, which the specs do not call for.
        int start = startsWith(exif, EXIF_HEADER) ? EXIF_HEADER.length : 0;
        return readTiff(new ByteArrayInputStream(exif, start, exif.length - start));
    }

    private static Directory readTiff(InputStream tiff) throws IOException {
        // A memory-cached stream: ImageIO.createImageInputStream might spill to a temp file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(tiff)) {
            return new TIFFReader().read(in);
        }
    }

    private static int orientationOf(Path file, Directory exif) {
        // IFD0 describes the main image; IFD1 is the thumbnail, whose orientation is irrelevant.
        Directory ifd0 = exif instanceof CompoundDirectory compound && compound.directoryCount() > 0
                ? compound.getDirectory(0) : exif;
        Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
        if (entry == null) {
            return NORMAL;
        }
        if (entry.getValue() instanceof Number value && value.intValue() >= 1 && value.intValue() <= 8) {
            return value.intValue();
        }
        LOG.warning(file + ": invalid EXIF orientation " + entry.getValueAsString() + ", ignored");
        return NORMAL;
    }

    /** Payload of the first RIFF chunk {@code fourcc} of a WebP file, or null. */
    private static byte[] riffChunk(Path file, String fourcc) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            in.skipNBytes(12); // "RIFF", size, "WEBP"
            byte[] id = new byte[4];
            while (true) {
                try {
                    in.readFully(id);
                } catch (EOFException end) {
                    return null;
                }
                long size = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
                if (fourcc.equals(new String(id, StandardCharsets.US_ASCII))) {
                    return readPayload(in, size);
                }
                in.skipNBytes(size + (size & 1)); // chunks are padded to even length
            }
        }
    }

    /** Data of the first PNG chunk {@code type} before the image data, or null. */
    private static byte[] pngChunk(Path file, String type) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            in.skipNBytes(8); // signature
            byte[] id = new byte[4];
            while (true) {
                long length = Integer.toUnsignedLong(in.readInt());
                in.readFully(id);
                String name = new String(id, StandardCharsets.US_ASCII);
                if (name.equals(type)) {
                    return readPayload(in, length);
                }
                if (name.equals("IDAT") || name.equals("IEND")) {
                    return null; // eXIf must precede the image data
                }
                in.skipNBytes(length + 4); // data + CRC
            }
        }
    }

    private static byte[] readPayload(DataInputStream in, long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("EXIF block of " + size + " bytes is implausibly large");
        }
        byte[] data = new byte[(int) size];
        in.readFully(data);
        return data;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
