package io.atelier.core.caption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which version of a caption file was read: its content hash (size for a cheap first look). A write checks the file
 * still has it, so an edit made by another tool in the meantime is never silently overwritten.
 *
 * @param size   bytes, -1 when there was no file
 * @param sha256 hash of the bytes, null when there was no file
 */
public record FileStamp(long size, String sha256) {

    /** There was no caption file. */
    public static final FileStamp ABSENT = new FileStamp(-1, null);

    public static FileStamp of(byte[] bytes) {
        return new FileStamp(bytes.length, hash(bytes));
    }

    /** The stamp of the file as it is now; {@link #ABSENT} when it does not exist. */
    public static FileStamp current(Path file) throws IOException {
        try {
            return of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
    }

    public boolean absent() {
        return sha256 == null;
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
