package io.atelier.core.basemodel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * SHA-256 of a file of any size, streamed through one large buffer so a 7 GB checkpoint never sits in memory, with
 * throttled progress for a progress bar and cancellation between buffers, because hashing a checkpoint takes seconds
 * to minutes and the user must be able to stop it.
 */
public final class FileHasher {

    /** Receives progress; called on the hashing thread. */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = (bytesDone, totalBytes) -> { };

        void update(long bytesDone, long totalBytes);
    }

    /**
     * Large enough that the per-read system call cost vanishes next to the hashing (64 KiB to 4 MiB measured the
     * same); no larger, because the JDK keeps a direct buffer of this size per reading thread.
     */
    public static final int DEFAULT_BUFFER_BYTES = 1 << 20;
    public static final long DEFAULT_REPORT_EVERY_BYTES = 64L << 20;
    public static final Duration DEFAULT_REPORT_EVERY = Duration.ofMillis(100);

    private final int bufferBytes;
    private final long reportEveryBytes;
    private final long reportEveryNanos;

    public FileHasher() {
        this(DEFAULT_BUFFER_BYTES, DEFAULT_REPORT_EVERY_BYTES, DEFAULT_REPORT_EVERY);
    }

    /**
     * @param bufferBytes      bytes read and hashed per step; cancellation is checked once per step
     * @param reportEveryBytes progress is reported after at least this many bytes since the last report...
     * @param reportEvery      ...or after at least this much time, whichever comes first, and always at the end
     */
    public FileHasher(int bufferBytes, long reportEveryBytes, Duration reportEvery) {
        if (bufferBytes <= 0 || reportEveryBytes <= 0 || reportEvery.isNegative() || reportEvery.isZero()) {
            throw new IllegalArgumentException("buffer, byte step and interval must be positive");
        }
        this.bufferBytes = bufferBytes;
        this.reportEveryBytes = reportEveryBytes;
        this.reportEveryNanos = reportEvery.toNanos();
    }

    /**
     * The SHA-256 of the file as 64 lower-case hex digits.
     *
     * @param progress  told (0, total) first, then at most every step/interval, and (total, total) at the end
     * @param cancelled polled before every buffer; the thread's interrupt status is honoured too
     * @throws CancellationException when {@code cancelled} answers true or the thread is interrupted (the interrupt
     *                               status is left set)
     * @throws IOException           when the file cannot be read, or changes size while it is hashed
     */
    public String sha256(Path file, Progress progress, BooleanSupplier cancelled) throws IOException {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        MessageDigest digest = newSha256();
        byte[] array = new byte[bufferBytes];
        ByteBuffer buffer = ByteBuffer.wrap(array);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long total = channel.size();
            long done = 0;
            progress.update(0, total);
            long lastBytes = 0;
            long lastNanos = System.nanoTime();
            while (true) {
                checkCancelled(file, cancelled);
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    break;
                }
                digest.update(array, 0, n);
                done += n;
                long now = System.nanoTime();
                if (done < total && (done - lastBytes >= reportEveryBytes || now - lastNanos >= reportEveryNanos)) {
                    progress.update(done, total);
                    lastBytes = done;
                    lastNanos = now;
                }
            }
            if (done != total) {
                // a hash of a file that was being written describes no file the user has
                throw new IOException(file + ": the file changed while it was being hashed (" + total
                        + " bytes at the start, " + done + " read)");
            }
            progress.update(total, total);
            return HexFormat.of().formatHex(digest.digest());
        } catch (ClosedByInterruptException e) {
            // FileChannel closes itself when the thread is interrupted mid-read; to the caller that is a cancel
            CancellationException cancel = new CancellationException("Hashing " + file + " was interrupted");
            cancel.initCause(e);
            throw cancel;
        }
    }

    private static void checkCancelled(Path file, BooleanSupplier cancelled) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Hashing " + file + " was interrupted");
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Hashing " + file + " was cancelled");
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform is required to provide SHA-256
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
