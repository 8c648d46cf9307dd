package io.atelier.engine.sdscripts.tensorboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the scalars of one TensorBoard event file incrementally while sd-scripts appends to it (reference §9: the
 * tracker flushes after every step). Each {@link #readNew()} returns the scalars of the complete records appended since
 * the previous call:
 * <ul>
 * <li>a record cut short at the end of the file (the writer is mid-write) is left for the next call, not an error;</li>
 * <li>a record with a bad length or data CRC stops the read at that record: the scalars before it are returned, the
 * record is reported in {@link #problems()} (and logged at INFO once per offset), and the next call retries from
 * there;</li>
 * <li>a record whose CRC is right but whose protobuf does not decode is reported and skipped.</li>
 * </ul>
 * Not thread-safe; one reader per file.
 */
public final class TensorBoardReader {

    private static final Logger LOG = Logger.getLogger(TensorBoardReader.class.getName());

    /** A length above this is taken for corruption even when its CRC matches (events are small). */
    private static final long MAX_RECORD_BYTES = 256L << 20;

    private final Path file;
    private long offset;
    private long lastLoggedOffset = -1;
    private List<ReadProblem> problems = List.of();

    public TensorBoardReader(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** All scalars of a complete file; problems are logged at INFO (use a reader to see them). */
    public static List<ScalarPoint> readAll(Path file) throws IOException {
        return new TensorBoardReader(file).readNew();
    }

    public Path file() {
        return file;
    }

    /** Byte offset of the first record not yet read. */
    public long offset() {
        return offset;
    }

    /** What stopped or disturbed the last {@link #readNew()}; empty when it read to the end cleanly. */
    public List<ReadProblem> problems() {
        return problems;
    }

    /** Whether the last {@link #readNew()} stopped at a record with a bad CRC (it is retried on the next call). */
    public boolean stoppedAtBadRecord() {
        return problems.stream().anyMatch(p -> p.offset() == offset);
    }

    /**
     * The scalars of the records appended since the last call, in file order. A missing file reads as empty (sd-scripts
     * creates it at its first log call).
     */
    public List<ScalarPoint> readNew() throws IOException {
        List<ReadProblem> found = new ArrayList<>();
        List<ScalarPoint> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < offset) {
                found.add(new ReadProblem(offset, "the file shrank to " + size + " bytes; reading it again from the start"));
                offset = 0;
            }
            ByteBuffer header = ByteBuffer.allocate(TfRecords.HEADER_BYTES);
            byte[] body = new byte[256];
            while (size - offset >= TfRecords.HEADER_BYTES) {
                header.clear();
                if (!readFully(ch, header, offset)) {
                    break;
                }
                byte[] h = header.array();
                if (TfRecords.maskedCrc(h, 0, 8) != TfRecords.readIntLe(h, 8)) {
                    found.add(problem(offset, "bad length CRC"));
                    break;
                }
                long length = TfRecords.readLongLe(h, 0);
                if (length < 0 || length > MAX_RECORD_BYTES) {
                    found.add(problem(offset, "implausible record length " + Long.toUnsignedString(length)));
                    break;
                }
                long total = TfRecords.HEADER_BYTES + length + TfRecords.FOOTER_BYTES;
                if (size - offset < total) {
                    break; // truncated tail: the writer has not finished this record yet
                }
                int n = (int) length + TfRecords.FOOTER_BYTES;
                if (body.length < n) {
                    body = new byte[Math.max(n, body.length * 2)];
                }
                ByteBuffer bb = ByteBuffer.wrap(body, 0, n);
                if (!readFully(ch, bb, offset + TfRecords.HEADER_BYTES)) {
                    break;
                }
                if (TfRecords.maskedCrc(body, 0, (int) length) != TfRecords.readIntLe(body, (int) length)) {
                    found.add(problem(offset, "bad data CRC"));
                    break;
                }
                try {
                    out.addAll(EventDecoder.scalars(body, 0, (int) length));
                } catch (IOException e) {
                    found.add(problem(offset, "undecodable event, skipped: " + e.getMessage()));
                }
                offset += total;
            }
        } catch (NoSuchFileException e) {
            // not created yet
        }
        problems = List.copyOf(found);
        return out;
    }

    private ReadProblem problem(long at, String message) {
        ReadProblem p = new ReadProblem(at, message);
        if (at != lastLoggedOffset) {
            lastLoggedOffset = at;
            LOG.log(Level.INFO, "TensorBoard event file {0}: {1}", new Object[] {file, p});
        }
        return p;
    }

    /** Fills {@code buf} from {@code position}; false when the file ended first. */
    private static boolean readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                return false;
            }
            pos += r;
        }
        return true;
    }
}
