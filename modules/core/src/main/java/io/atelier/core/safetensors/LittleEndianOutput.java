package io.atelier.core.safetensors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian values into a stream through one reused buffer, so no tensor has to exist as a whole byte array. */
final class LittleEndianOutput {

    private static final int BUFFER_BYTES = 1 << 20;

    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long written;

    LittleEndianOutput(OutputStream out) {
        this.out = out;
    }

    void putLong(long v) throws IOException {
        room(Long.BYTES);
        buffer.putLong(v);
    }

    void putFloat(float v) throws IOException {
        room(Float.BYTES);
        buffer.putFloat(v);
    }

    void putShort(short v) throws IOException {
        room(Short.BYTES);
        buffer.putShort(v);
    }

    void put(byte[] bytes) throws IOException {
        int at = 0;
        while (at < bytes.length) {
            room(1);
            int n = Math.min(buffer.remaining(), bytes.length - at);
            buffer.put(bytes, at, n);
            at += n;
        }
    }

    /** Bytes handed on so far, buffered ones included. */
    long position() {
        return written + buffer.position();
    }

    void flush() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        written += buffer.position();
        buffer.clear();
        out.flush();
    }

    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            out.write(buffer.array(), 0, buffer.position());
            written += buffer.position();
            buffer.clear();
        }
    }
}
