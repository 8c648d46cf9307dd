package io.atelier.engine.sdscripts.launch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a child's output line by line: UTF-8 (what {@code PYTHONUTF8=1} asks Python for), and for a line that is
 * not valid UTF-8 (a library printing in the Windows code page, a file name from an old archive) windows-1252, where
 * every byte is a character, so no byte is lost or turned into a replacement character. Splitting happens at
 * {@code \r} and {@code \n} bytes, which never occur inside a UTF-8 multi-byte sequence. Not thread-safe.
 */
final class LineDecoder {

    /** windows-1252 for 0x80–0xFF; its five undefined bytes map to the C1 controls as Latin-1 (and Python) do. */
    private static final char[] CP1252_HIGH = cp1252High();

    /** A line longer than this is passed on in pieces, so a stream without line breaks cannot exhaust memory. */
    static final int MAX_LINE_BYTES = 1 << 16;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] pending = new byte[256];
    private int length;

    /** Decodes {@code n} bytes of {@code buf}; complete lines (with their {@code \r}/{@code \n}) are appended to out. */
    void feed(byte[] buf, int n, StringBuilder out) {
        for (int i = 0; i < n; i++) {
            byte b = buf[i];
            append(b);
            if (b == '\n' || b == '\r' || length >= MAX_LINE_BYTES) {
                flush(out);
            }
        }
    }

    /** The stream ended: a last line without a line break. */
    void finish(StringBuilder out) {
        flush(out);
    }

    private void append(byte b) {
        if (length == pending.length) {
            byte[] bigger = new byte[pending.length * 2];
            System.arraycopy(pending, 0, bigger, 0, length);
            pending = bigger;
        }
        pending[length++] = b;
    }

    private void flush(StringBuilder out) {
        if (length == 0) {
            return;
        }
        out.append(decode(pending, 0, length));
        length = 0;
    }

    String decode(byte[] bytes, int off, int len) {
        try {
            CharBuffer c = utf8.reset().decode(ByteBuffer.wrap(bytes, off, len));
            return c.toString();
        } catch (CharacterCodingException e) {
            return windows1252(bytes, off, len);
        }
    }

    static String windows1252(byte[] bytes, int off, int len) {
        char[] chars = new char[len];
        for (int i = 0; i < len; i++) {
            int b = bytes[off + i] & 0xff;
            chars[i] = b < 0x80 ? (char) b : CP1252_HIGH[b - 0x80];
        }
        return new String(chars);
    }

    private static char[] cp1252High() {
        CharsetDecoder d = java.nio.charset.Charset.forName("windows-1252").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] table = new char[128];
        for (int b = 0x80; b <= 0xff; b++) {
            try {
                table[b - 0x80] = d.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b})).get();
            } catch (CharacterCodingException e) {
                table[b - 0x80] = (char) b;
            }
        }
        return table;
    }
}
