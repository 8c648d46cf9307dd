package io.atelier.imaging.thumbnail;

import io.atelier.imaging.decode.ImageDecoder;
import io.atelier.imaging.decode.ImageFormats;
import io.atelier.imaging.encode.AtomicImageWriter;
import io.atelier.imaging.hash.ContentHash;
import io.atelier.imaging.resample.Resampler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/**
 * Thumbnails of dataset images, cached on disk by the file's content hash (so a renamed or moved image keeps its
 * thumbnail, and an edited one gets a new one) and in memory (least recently used). Decoding uses source
 * subsampling and the thumbnail is Lanczos-resampled, so even 6000 px photos are cheap. Thread-safe; every call
 * reads files, so call it off the event thread.
 */
public final class ThumbnailCache {

    /** Long side of a thumbnail in pixels. */
    public static final int SIZE = 256;
    /** Thumbnails kept in memory: a screenful many times over, about 200 KB each. */
    static final int MEMORY_ENTRIES = 600;

    private static final Logger LOG = Logger.getLogger(ThumbnailCache.class.getName());
    private static final float JPEG_QUALITY = 0.9f;

    private final Path folder;
    private final ImageDecoder decoder = new ImageDecoder();
    /** Content hash of a file as last seen (path, size, modification time): hashing is the cost of a hit. */
    private final Map<FileKey, String> hashes = new ConcurrentHashMap<>();
    private final Map<String, BufferedImage> memory = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BufferedImage> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };

    /** @param folder where thumbnails are kept, e.g. {@code <atelier home>/cache/thumbnails}; created on demand */
    public ThumbnailCache(Path folder) {
        this.folder = Objects.requireNonNull(folder);
    }

    /** The thumbnail of {@code image}: upright, opaque, long side at most {@link #SIZE}; made and cached on a miss. */
    public BufferedImage thumbnail(Path image) throws IOException {
        String hash = hashOf(image);
        Optional<BufferedImage> cached = lookup(hash);
        if (cached.isPresent()) {
            return cached.get();
        }
        BufferedImage decoded = decoder.decode(image, SIZE);
        BufferedImage thumbnail = Math.max(decoded.getWidth(), decoded.getHeight()) > SIZE
                ? Resampler.resize(decoded, SIZE) : decoded;
        remember(hash, thumbnail);
        try {
            store(hash, thumbnail);
        } catch (IOException e) {
            // a full or read-only cache folder costs speed next time, not the thumbnail
            LOG.info(() -> "cannot cache the thumbnail of " + image + " in " + folder + ": " + e);
        }
        return thumbnail;
    }

    /** The thumbnail when it is in memory or on disk; never decodes the image. */
    public Optional<BufferedImage> cachedOnly(Path image) throws IOException {
        return lookup(hashOf(image));
    }

    private Optional<BufferedImage> lookup(String hash) {
        synchronized (memory) {
            BufferedImage hit = memory.get(hash);
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        Path file = fileOf(hash);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ImageFormats.ensureRegistered();
            BufferedImage stored = ImageIO.read(file.toFile());
            if (stored != null) {
                remember(hash, stored);
                return Optional.of(stored);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "unreadable cached thumbnail " + file + ", making it again", e);
        }
        return Optional.empty();
    }

    private void remember(String hash, BufferedImage thumbnail) {
        synchronized (memory) {
            memory.put(hash, thumbnail);
        }
    }

    private String hashOf(Path image) throws IOException {
        FileKey key = FileKey.of(image);
        String hash = hashes.get(key);
        if (hash == null) {
            hash = ContentHash.of(image);
            hashes.put(key, hash);
        }
        return hash;
    }

    /** Two-level fan-out so no folder grows past a few thousand entries. */
    Path fileOf(String hash) {
        return folder.resolve(hash.substring(0, 2)).resolve(hash + "-" + SIZE + ".jpg");
    }

    private void store(String hash, BufferedImage thumbnail) throws IOException {
        Path target = fileOf(hash);
        Files.createDirectories(target.getParent());
        AtomicImageWriter.jpeg(thumbnail, JPEG_QUALITY, target);
    }

    private record FileKey(Path path, long size, FileTime modified) {
        static FileKey of(Path image) throws IOException {
            Path p = image.toAbsolutePath().normalize();
            return new FileKey(p, Files.size(p), Files.getLastModifiedTime(p));
        }
    }
}
