package io.atelier.engine.sdscripts.tensorboard;

import java.util.zip.CRC32C;

/**
 * TFRecord framing as TensorBoard event files use it: a u64 little-endian length, the u32 masked CRC32C of those
 * 8 bytes, the data, the u32 masked CRC32C of the data (all little endian).
 */
final class TfRecords {

    /** Length field plus its CRC. */
    static final int HEADER_BYTES = 12;
    /** The data CRC after the data. */
    static final int FOOTER_BYTES = 4;

    private static final int MASK_DELTA = 0xa282ead8;

    private TfRecords() {
    }

    /** CRC32C of {@code len} bytes from {@code off}, masked as TensorFlow does: rotate right by 15, add a constant. */
    static int maskedCrc(byte[] bytes, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, off, len);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }

    static long readLongLe(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xffL);
        }
        return v;
    }

    static int readIntLe(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
