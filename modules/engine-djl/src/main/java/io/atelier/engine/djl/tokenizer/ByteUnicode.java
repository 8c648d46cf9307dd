package io.atelier.engine.djl.tokenizer;

/**
 * GPT-2/CLIP's reversible byte → unicode mapping: printable Latin-1 bytes map to themselves, the other 68 bytes to
 * U+0100 upwards, so every byte sequence becomes a string of visible characters without spaces that BPE can merge.
 */
final class ByteUnicode {

    private static final char[] BYTE_TO_CHAR = build();

    private ByteUnicode() {
    }

    private static char[] build() {
        char[] map = new char[256];
        boolean[] direct = new boolean[256];
        for (int b = '!'; b <= '~'; b++) {
            direct[b] = true;
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            direct[b] = true;
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            direct[b] = true;
        }
        int next = 0;
        for (int b = 0; b < 256; b++) {
            map[b] = direct[b] ? (char) b : (char) (256 + next++);
        }
        return map;
    }

    static String encode(byte[] utf8) {
        StringBuilder s = new StringBuilder(utf8.length);
        for (byte b : utf8) {
            s.append(BYTE_TO_CHAR[b & 0xff]);
        }
        return s.toString();
    }
}
