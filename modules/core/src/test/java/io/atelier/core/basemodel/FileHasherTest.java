package io.atelier.core.basemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHasherTest {

    private static final FileHasher DEFAULT = new FileHasher();

    @TempDir
    Path dir;

    @Test
    void matchesTheKnownVectorForAbc() throws IOException {
        Path file = Files.write(dir.resolve("abc"), "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(DEFAULT.sha256(file, FileHasher.Progress.NONE, () -> false))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void matchesTheKnownVectorForAnEmptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty"));
        List<long[]> reports = new ArrayList<>();
        assertThat(DEFAULT.sha256(file, (d, t) -> reports.add(new long[] {d, t}), () -> false))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(reports).last().isEqualTo(new long[] {0, 0});
    }

    @Test
    void matchesMessageDigestOnSeveralMegabytesOfRandomData() throws IOException, NoSuchAlgorithmException {
        byte[] data = new byte[(5 << 20) + 123]; // not a multiple of any buffer size
        new Random(42).nextBytes(data);
        Path file = Files.write(dir.resolve("random.bin"), data);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));

        assertThat(DEFAULT.sha256(file, FileHasher.Progress.NONE, () -> false)).isEqualTo(expected);
        assertThat(new FileHasher(4096, 1 << 20, Duration.ofSeconds(1)).sha256(file, FileHasher.Progress.NONE,
                () -> false)).isEqualTo(expected);
    }

    @Test
    void reportsMonotonicProgressThrottledByBytesAndEndingAtTheTotal() throws IOException {
        Path file = Files.write(dir.resolve("three-mb"), new byte[3 << 20]);
        long total = 3 << 20;
        long step = 256 << 10;
        List<long[]> reports = new ArrayList<>();
        // a long interval so only the byte step triggers reports
        FileHasher hasher = new FileHasher(64 << 10, step, Duration.ofHours(1));

        hasher.sha256(file, (done, of) -> reports.add(new long[] {done, of}), () -> false);

        assertThat(reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(total));
        assertThat(reports.get(0)[0]).isZero();
        assertThat(reports.get(reports.size() - 1)[0]).isEqualTo(total);
        for (int i = 1; i < reports.size(); i++) {
            long delta = reports.get(i)[0] - reports.get(i - 1)[0];
            assertThat(delta).as("progress step %d", i).isPositive();
            if (i < reports.size() - 1) {
                assertThat(delta).as("throttled step %d", i).isGreaterThanOrEqualTo(step);
            }
        }
        // 3 MiB in 256 KiB steps: the start, 11 steps below the total, and the end
        assertThat(reports).hasSize(13);
    }

    @Test
    void reportsByTimeWhenTheByteStepIsNotReached() throws IOException {
        Path file = Files.write(dir.resolve("one-mb"), new byte[1 << 20]);
        List<Long> reports = new ArrayList<>();
        FileHasher hasher = new FileHasher(4096, Long.MAX_VALUE, Duration.ofNanos(1));

        hasher.sha256(file, (done, of) -> reports.add(done), () -> false);

        assertThat(reports.size()).isGreaterThan(2);
        assertThat(reports).isSorted().endsWith(1L << 20);
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        Path file = Files.write(dir.resolve("four-mb"), new byte[4 << 20]);
        AtomicBoolean cancel = new AtomicBoolean();
        List<Long> reports = new ArrayList<>();
        FileHasher hasher = new FileHasher(64 << 10, 256 << 10, Duration.ofHours(1));

        assertThatThrownBy(() -> hasher.sha256(file, (done, of) -> {
            reports.add(done);
            if (done >= 1 << 20) {
                cancel.set(true);
            }
        }, cancel::get))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("cancelled")
                .hasMessageContaining(file.toString());
        assertThat(reports).last().isEqualTo((long) (1 << 20)); // it stopped at the next buffer, not at the end
    }

    @Test
    void stopsWhenTheThreadIsInterruptedAndKeepsTheInterrupt() throws IOException {
        Path file = Files.write(dir.resolve("small"), new byte[1024]);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> DEFAULT.sha256(file, FileHasher.Progress.NONE, () -> false))
                    .isInstanceOf(CancellationException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // do not leak the interrupt into other tests
        }
    }

    @Test
    void reportsAMissingFile() {
        Path file = dir.resolve("missing.safetensors");
        assertThatThrownBy(() -> DEFAULT.sha256(file, FileHasher.Progress.NONE, () -> false))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(file.toString());
    }
}
