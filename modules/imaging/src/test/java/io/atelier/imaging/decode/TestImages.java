package io.atelier.imaging.decode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Builds test image files. */
public final class TestImages {

    private TestImages() {
    }

    /** 64 x 48 image: red left half, blue right half, one green marker pixel region at the top-left corner. */
    static BufferedImage twoColour(int type) {
        BufferedImage image = new BufferedImage(64, 48, type);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, x < 32 ? 0xFFFF0000 : 0xFF0000FF);
            }
        }
        return image;
    }

    public static Path write(BufferedImage image, String format, Path file) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    /** JPEG at high quality, optionally progressive. */
    public static Path writeJpeg(BufferedImage image, boolean progressive, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** Inserts an APP1 Exif segment carrying only Orientation right after the SOI marker of a JPEG. */
    public static Path withExifOrientation(Path jpeg, int orientation, Path file) throws IOException {
        byte[] original = Files.readAllBytes(jpeg);
        ByteBuffer tiff = ByteBuffer.allocate(26); // big-endian by default, matching "MM"
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8); // header, IFD0 at 8
        tiff.putShort((short) 1);                                                       // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1)                      // Orientation, SHORT, 1
                .putShort((short) orientation).putShort((short) 0);                      // value, padded
        tiff.putInt(0);                                                                  // no next IFD
        byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload);
        out.write(original, 2, original.length - 2);
        Files.write(file, out.toByteArray());
        return file;
    }

    /** A PNG consisting of a valid IHDR claiming {@code width x height}, a tiny IDAT and IEND. */
    public static Path pngHeaderOnly(int width, int height, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteBuffer ihdr = ByteBuffer.allocate(13);
            ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(out, "IHDR", ihdr.array());
            chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(typeBytes);
        out.write(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The first {@code keep} fraction of a file's bytes, written to {@code file}. */
    public static Path truncate(Path source, double keep, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Files.write(file, java.util.Arrays.copyOf(bytes, (int) (bytes.length * keep)));
        return file;
    }

    /** A noisy image so compressed files are large enough that truncation hits pixel data. */
    public static BufferedImage noise(int width, int height, long seed) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    static int blue(int rgb) {
        return rgb & 0xFF;
    }
}
