package io.atelier.core.basemodel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times {@link FileHasher} against {@code sha256sum}, what a user would otherwise run to get a checkpoint's hash, on a
 * 1 GiB file. Both read it from the page cache (the file was just written), so this compares hashing throughput, not
 * the disk. Runs are interleaved so drift in machine load hits both alike. Not a test: run its {@code main}.
 *
 * <p>Usage: {@code java ... FileHasherBenchmark [directory for the temp file]}
 */
public final class FileHasherBenchmark {

    private static final long SIZE = 1L << 30;
    private static final int ROUNDS = 5;

    private FileHasherBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        Path file = Files.createTempFile(dir, "hash-bench-", ".bin");
        try {
            writeRandom(file, SIZE);
            FileHasher hasher = new FileHasher();
            // one untimed run each: JIT compilation for ours, page cache and binary loading for both
            String ours = hasher.sha256(file, FileHasher.Progress.NONE, () -> false);
            String theirs = sha256sum(file);
            if (!ours.equals(theirs)) {
                throw new IllegalStateException("hashes differ: FileHasher " + ours + ", sha256sum " + theirs);
            }
            long[] oursMs = new long[ROUNDS];
            long[] theirsMs = new long[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long t0 = System.nanoTime();
                String a = hasher.sha256(file, FileHasher.Progress.NONE, () -> false);
                long t1 = System.nanoTime();
                String b = sha256sum(file);
                long t2 = System.nanoTime();
                if (!a.equals(ours) || !b.equals(ours)) {
                    throw new IllegalStateException("round " + i + " produced a different hash: " + a + " / " + b);
                }
                oursMs[i] = (t1 - t0) / 1_000_000;
                theirsMs[i] = (t2 - t1) / 1_000_000;
            }
            long oursMedian = median(oursMs);
            long theirsMedian = median(theirsMs);
            System.out.printf(Locale.ROOT, "file: %d bytes (1 GiB), sha256 %s (identical from both)%n", SIZE, ours);
            System.out.printf(Locale.ROOT, "FileHasher  runs %s ms, median %d ms, %.0f MB/s%n",
                    Arrays.toString(oursMs), oursMedian, mbPerSecond(oursMedian));
            System.out.printf(Locale.ROOT, "sha256sum   runs %s ms, median %d ms, %.0f MB/s%n",
                    Arrays.toString(theirsMs), theirsMedian, mbPerSecond(theirsMedian));
            System.out.printf(Locale.ROOT, "ratio sha256sum/FileHasher time: %.2fx (above 1 = FileHasher faster)%n",
                    (double) theirsMedian / oursMedian);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        byte[] chunk = new byte[4 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                for (int i = 0; i < chunk.length; i += 8) {
                    long v = random.nextLong();
                    for (int j = 0; j < 8; j++) {
                        chunk[i + j] = (byte) (v >>> (8 * j));
                    }
                }
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
    }

    private static String sha256sum(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("sha256sum failed: " + out);
        }
        return out.substring(0, out.indexOf(' '));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double mbPerSecond(long millis) {
        return SIZE / 1e6 / (millis / 1e3);
    }
}
