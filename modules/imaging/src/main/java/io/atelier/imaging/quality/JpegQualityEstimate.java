package io.atelier.imaging.quality;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Estimates the quality a JPEG was saved at from its luminance quantisation table (DQT, table 0), by finding the
 * IJG quality whose scaled standard table is closest. Only the header is read, up to the start of scan.
 */
public final class JpegQualityEstimate {

    /** ITU-T T.81 Annex K.1 luminance table, natural (row-major) order: the base of IJG quality scaling. */
    private static final int[] STANDARD_LUMINANCE = {
            16, 11, 10, 16, 24, 40, 51, 61,
            12, 12, 14, 19, 26, 58, 60, 55,
            14, 13, 16, 24, 40, 57, 69, 56,
            14, 17, 22, 29, 51, 87, 80, 62,
            18, 22, 37, 56, 68, 109, 103, 77,
            24, 35, 55, 64, 81, 104, 113, 92,
            49, 64, 78, 87, 103, 121, 120, 101,
            72, 92, 95, 98, 112, 100, 103, 99};

    /** ZIGZAG[k] = natural-order index of the k-th value stored in a DQT segment. */
    private static final int[] ZIGZAG = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
            12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
            35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
            58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int DQT = 0xDB;

    private JpegQualityEstimate() {
    }

    /** @throws IOException when the file cannot be read, is not a JPEG, or has no luminance table */
    public static JpegQuality of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromTable(readLuminanceTable(new DataInputStream(new BufferedInputStream(in)), file.toString()));
        }
    }

    /** The IJG quality whose table is nearest (sum of absolute differences; ties go to the higher quality). */
    static JpegQuality fromTable(int[] natural) {
        int best = 100;
        long bestDistance = Long.MAX_VALUE;
        for (int q = 100; q >= 1; q--) {
            int[] expected = ijgTable(q);
            long distance = 0;
            for (int i = 0; i < 64; i++) {
                distance += Math.abs(expected[i] - natural[i]);
            }
            if (distance < bestDistance) {
                best = q;
                bestDistance = distance;
            }
        }
        return new JpegQuality(best, bestDistance == 0);
    }

    /** libjpeg's jpeg_quality_scaling and jpeg_add_quant_table with force_baseline. */
    static int[] ijgTable(int quality) {
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        int[] table = new int[64];
        for (int i = 0; i < 64; i++) {
            table[i] = Math.max(1, Math.min(255, (STANDARD_LUMINANCE[i] * scale + 50) / 100));
        }
        return table;
    }

    private static int[] readLuminanceTable(DataInputStream in, String name) throws IOException {
        try {
            if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != SOI) {
                throw new IOException(name + ": not a JPEG file (no start-of-image marker)");
            }
            while (true) {
                int marker = nextMarker(in);
                if (marker == SOS || marker == EOI) {
                    throw new IOException(name + ": JPEG has no luminance quantisation table before the image data");
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue; // TEM and RSTn carry no length
                }
                int length = in.readUnsignedShort() - 2;
                if (marker != DQT) {
                    in.skipNBytes(length);
                    continue;
                }
                // one DQT segment may hold several tables: Pq/Tq byte, then 64 values of 8 or 16 bits
                while (length > 0) {
                    int pqTq = in.readUnsignedByte();
                    boolean sixteenBit = (pqTq >> 4) != 0;
                    int[] natural = new int[64];
                    for (int k = 0; k < 64; k++) {
                        natural[ZIGZAG[k]] = sixteenBit ? in.readUnsignedShort() : in.readUnsignedByte();
                    }
                    length -= 1 + (sixteenBit ? 128 : 64);
                    if ((pqTq & 0x0F) == 0) {
                        return natural;
                    }
                }
            }
        } catch (EOFException e) {
            throw new IOException(name + ": JPEG ends before its luminance quantisation table", e);
        }
    }

    /** Skips to the next marker, tolerating fill bytes (runs of 0xFF). */
    private static int nextMarker(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        while (b != 0xFF) {
            b = in.readUnsignedByte(); // garbage between segments: libjpeg warns and carries on
        }
        while (b == 0xFF) {
            b = in.readUnsignedByte();
        }
        return b;
    }
}
