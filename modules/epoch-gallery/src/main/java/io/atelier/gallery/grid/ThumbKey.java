package io.atelier.gallery.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What a cached thumbnail was made from: the file, its modification time and size. An image generated again into the
 * same file gets a new key, so the grid never shows the old picture.
 */
public record ThumbKey(Path file, long modified, long size) {

    /** The key of the file as it is now; empty when it is missing or not a regular file. */
    public static Optional<ThumbKey> of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new ThumbKey(file.toAbsolutePath().normalize(), a.lastModifiedTime().toMillis(),
                    a.size()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
