package io.atelier.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes opening the store one-at-a-time across processes and threads, so that two starts never both migrate,
 * both back up, or move a file aside that the other is opening. Held only while opening, never while the store
 * is in use. A file lock alone is not enough inside one JVM (the OS grants it per process), hence the in-JVM
 * lock in front of it.
 */
public final class OpenLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 25;

    private final ReentrantLock jvmLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private OpenLock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
        this.jvmLock = jvmLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Waits up to {@code patience} for the lock.
     *
     * @return the lock, or null when another process or thread held it all that time
     */
    public static OpenLock acquire(Path lockFile, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        ReentrantLock jvmLock = IN_THIS_JVM.computeIfAbsent(lockFile.toAbsolutePath().normalize(),
                path -> new ReentrantLock());
        if (!jvmLock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        FileChannel channel = null;
        boolean acquired = false;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock fileLock = tryLock(channel);
                if (fileLock != null) {
                    acquired = true;
                    return new OpenLock(jvmLock, channel, fileLock);
                }
                if (System.nanoTime() > deadline) {
                    return null;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } finally {
            if (!acquired) {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } finally {
                    jvmLock.unlock();
                }
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // The same file reached through another path spelling is held in this JVM: wait as for any holder.
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
        } finally {
            try {
                channel.close();
            } finally {
                jvmLock.unlock();
            }
        }
    }
}
