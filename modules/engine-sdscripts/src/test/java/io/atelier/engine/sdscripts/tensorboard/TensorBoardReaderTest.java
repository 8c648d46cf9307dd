package io.atelier.engine.sdscripts.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardReaderTest {

    @TempDir
    Path dir;

    private static final double T0 = 1_735_000_000.25;

    /** sd-scripts' per-step series (reference §9) for steps 1..n; values exactly representable as float. */
    private static List<ScalarPoint> series(int from, int to) {
        List<ScalarPoint> points = new ArrayList<>();
        for (int step = from; step <= to; step++) {
            double wall = T0 + step * 0.5;
            points.add(new ScalarPoint("loss/current", step, wall, (float) (0.2 - step * 0.001)));
            points.add(new ScalarPoint("loss/average", step, wall, (float) (0.15 - step * 0.0005)));
            points.add(new ScalarPoint("lr/unet", step, wall, (float) 1e-4));
        }
        return points;
    }

    private static byte[] records(List<ScalarPoint> points) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ScalarPoint p : points) {
            out.write(EventFileWriter.frame(
                    EventFileWriter.simpleScalarEvent(p.tag(), p.step(), p.wallTime(), (float) p.value())));
        }
        return out.toByteArray();
    }

    private Path newFile(byte[] content) throws IOException {
        Path f = dir.resolve("events.out.tfevents.1735000000.host.1234.0");
        Files.write(f, EventFileWriter.frame(EventFileWriter.fileVersionEvent(T0)));
        Files.write(f, content, StandardOpenOption.APPEND);
        return f;
    }

    private static void append(Path f, byte[] bytes) throws IOException {
        Files.write(f, bytes, StandardOpenOption.APPEND);
    }

    @Test
    void readsBackEverySeriesExactly() throws IOException {
        List<ScalarPoint> expected = series(1, 50);
        Path f = newFile(records(expected));

        assertThat(TensorBoardReader.readAll(f)).containsExactlyElementsOf(expected);
        TensorBoardReader reader = new TensorBoardReader(f);
        assertThat(reader.readNew()).hasSize(150);
        assertThat(reader.offset()).isEqualTo(Files.size(f));
        assertThat(reader.problems()).isEmpty();
        assertThat(reader.readNew()).isEmpty();
    }

    @Test
    void readsIncrementallyWhileTheFileGrows() throws IOException {
        Path f = newFile(new byte[0]);
        TensorBoardReader reader = new TensorBoardReader(f);
        assertThat(reader.readNew()).isEmpty();

        append(f, records(series(1, 3)));
        assertThat(reader.readNew()).containsExactlyElementsOf(series(1, 3));
        append(f, records(series(4, 4)));
        append(f, records(series(5, 7)));
        assertThat(reader.readNew()).containsExactlyElementsOf(series(4, 7));
        assertThat(reader.readNew()).isEmpty();
        assertThat(reader.problems()).isEmpty();
    }

    @Test
    void truncatedTailIsLeftForTheNextCall() throws IOException {
        Path f = newFile(records(series(1, 2)));
        byte[] next = records(series(3, 3));
        int firstRecord = 12 + 10; // the first record's header and part of its data
        append(f, Arrays.copyOf(next, 5)); // inside the header
        TensorBoardReader reader = new TensorBoardReader(f);
        assertThat(reader.readNew()).containsExactlyElementsOf(series(1, 2));
        long before = reader.offset();

        append(f, Arrays.copyOfRange(next, 5, firstRecord)); // header complete, data half there
        assertThat(reader.readNew()).isEmpty();
        assertThat(reader.problems()).isEmpty();
        assertThat(reader.offset()).isEqualTo(before);

        append(f, Arrays.copyOfRange(next, firstRecord, next.length));
        assertThat(reader.readNew()).containsExactlyElementsOf(series(3, 3));
        assertThat(reader.offset()).isEqualTo(Files.size(f));
    }

    @Test
    void badDataCrcKeepsEarlierRecordsReportsAndRetries() throws IOException {
        Path f = newFile(records(series(1, 2)));
        long badAt = Files.size(f);
        byte[] good = records(series(3, 3));
        byte[] bad = good.clone();
        bad[14] ^= 0x40; // a byte of the first record's data
        append(f, bad);

        TensorBoardReader reader = new TensorBoardReader(f);
        assertThat(reader.readNew()).containsExactlyElementsOf(series(1, 2));
        assertThat(reader.problems()).singleElement().satisfies(p -> {
            assertThat(p.offset()).isEqualTo(badAt);
            assertThat(p.message()).contains("data CRC");
        });
        assertThat(reader.stoppedAtBadRecord()).isTrue();
        assertThat(reader.offset()).isEqualTo(badAt);
        assertThat(reader.readNew()).isEmpty();
        assertThat(reader.stoppedAtBadRecord()).isTrue();

        // the writer finishes the record properly: the retry at that offset succeeds
        try (var ch = java.nio.channels.FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(good), badAt);
        }
        assertThat(reader.readNew()).containsExactlyElementsOf(series(3, 3));
        assertThat(reader.problems()).isEmpty();
        assertThat(reader.stoppedAtBadRecord()).isFalse();
    }

    @Test
    void badLengthCrcStopsThere() throws IOException {
        Path f = newFile(records(series(1, 1)));
        long badAt = Files.size(f);
        byte[] next = records(series(2, 2));
        next[9] ^= 0x01; // the length CRC
        append(f, next);

        TensorBoardReader reader = new TensorBoardReader(f);
        assertThat(reader.readNew()).containsExactlyElementsOf(series(1, 1));
        assertThat(reader.problems()).extracting(ReadProblem::offset).containsExactly(badAt);
        assertThat(reader.problems().get(0).message()).contains("length CRC");
    }

    @Test
    void readsTensorEncodedScalars() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(EventFileWriter.frame(EventFileWriter.tensorScalarEvent("loss/current", 1, T0, 0.125, false)));
        b.write(EventFileWriter.frame(EventFileWriter.tensorScalarEvent("lr/unet", 1, T0, 1.0e-4, true)));
        b.write(EventFileWriter.frame(EventFileWriter.simpleScalarEvent("loss/average", 1, T0, 0.25f)));
        Path f = newFile(b.toByteArray());

        assertThat(TensorBoardReader.readAll(f)).containsExactly(
                new ScalarPoint("loss/current", 1, T0, 0.125),
                new ScalarPoint("lr/unet", 1, T0, 1.0e-4),
                new ScalarPoint("loss/average", 1, T0, 0.25));
    }

    @Test
    void missingFileReadsEmpty() throws IOException {
        TensorBoardReader reader = new TensorBoardReader(dir.resolve("events.out.tfevents.none"));
        assertThat(reader.readNew()).isEmpty();
        assertThat(reader.problems()).isEmpty();
    }

    @Test
    void findsEventFilesInSdScriptsLayout() throws IOException {
        Path logging = dir.resolve("logs");
        Path older = logging.resolve("mylora20250101120000/network_train/events.out.tfevents.1735732800.host.10.0");
        Path newer = logging.resolve("mylora20250102120000/network_train/events.out.tfevents.1735819200.host.11.0");
        for (Path p : List.of(older, newer)) {
            Files.createDirectories(p.getParent());
            Files.write(p, EventFileWriter.frame(EventFileWriter.fileVersionEvent(T0)));
        }
        Files.writeString(logging.resolve("mylora20250102120000/network_train/notes.txt"), "x");
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_000_000L));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(2_000_000L));

        assertThat(EventFiles.find(logging)).containsExactly(older, newer);
        assertThat(EventFiles.latest(logging)).contains(newer);
        assertThat(EventFiles.find(dir.resolve("absent"))).isEmpty();
        assertThat(TensorBoardReader.readAll(newer)).isEmpty();
    }
}
