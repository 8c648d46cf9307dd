package io.atelier.core.caption;

import io.atelier.core.io.AtomicFiles;
import io.atelier.core.project.ProjectLayout;
import io.atelier.core.project.ProjectStats;
import io.atelier.core.project.ProjectTrash;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes the {@code .txt} caption beside an image. Reading is exact and tolerant (UTF-8 with or without
 * BOM, UTF-16 with a BOM, else Windows-1252 with a warning); writing is atomic, always UTF-8 without BOM, the tags
 * joined with {@code ", "} and one trailing newline, and only happens when the user edits. A write checks that the file
 * is still the version that was read; an empty caption removes the file to the project's {@code .trash/} (sd-scripts
 * stops on an empty caption file).
 */
public final class CaptionFiles {

    /** Anything larger is not a caption (sd-scripts reads one line of tags). */
    public static final long MAX_BYTES = 1024 * 1024;

    private CaptionFiles() {
    }

    /** {@code 01.png} → {@code 01.txt}. */
    public static Path captionFile(Path image) {
        return ProjectStats.captionOf(image);
    }

    /**
     * The caption of {@code image}; an empty one with stamp {@link FileStamp#ABSENT} when it has none.
     *
     * @throws CaptionFormatException when the file is binary or larger than {@link #MAX_BYTES}
     */
    public static CaptionText read(Path image) throws IOException {
        Path file = captionFile(image);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new CaptionFormatException(file, size + " bytes is too large for a caption (limit "
                        + MAX_BYTES + "); not read");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new CaptionText(image, file, "", Caption.EMPTY, FileStamp.ABSENT, false, null);
        }
        return decode(image, file, bytes);
    }

    static CaptionText decode(Path image, Path file, byte[] bytes) throws CaptionFormatException {
        boolean utf8Bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        String text;
        String warning = null;
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            boolean big = (bytes[0] & 0xFF) == 0xFE;
            text = new String(bytes, 2, bytes.length - 2, big ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            warning = "UTF-16 text; saved as UTF-8 when edited (sd-scripts reads UTF-8 only)";
        } else {
            int start = utf8Bom ? 3 : 0;
            if (binary(bytes, start)) {
                throw new CaptionFormatException(file, "binary data, not caption text; not read");
            }
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            } catch (CharacterCodingException e) {
                Charset legacy = Charset.isSupported("windows-1252") ? Charset.forName("windows-1252")
                        : StandardCharsets.ISO_8859_1;
                text = new String(bytes, legacy);
                warning = "not UTF-8, read as Windows-1252; saved as UTF-8 when edited (sd-scripts reads UTF-8 only)";
            }
        }
        long lines = text.strip().lines().filter(l -> !l.isBlank()).count();
        if (lines > 1) {
            String several = lines + " lines: sd-scripts reads only the first; editing joins them into one";
            warning = warning == null ? several : warning + "; " + several;
        }
        return new CaptionText(image, file, text, Caption.parse(text), FileStamp.of(bytes), utf8Bom, warning);
    }

    /** NUL bytes or mostly control characters: an image or archive saved as .txt, not text. */
    private static boolean binary(byte[] bytes, int start) {
        int control = 0;
        for (int i = start; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return bytes.length - start > 0 && control * 10 > bytes.length - start;
    }

    /**
     * Writes {@code caption} beside {@code image} if the file is still the version {@code expected} ({@code null}:
     * no check). An empty caption moves the file to the project's {@code .trash/}.
     *
     * @return the stamp of what is on disk now
     * @throws CaptionConflictException when the file changed since it was read; nothing is written
     */
    public static FileStamp write(Path image, Caption caption, FileStamp expected) throws IOException {
        Path file = captionFile(image);
        checkUnchanged(file, expected);
        if (caption.isEmpty()) {
            trash(image, file);
            return FileStamp.ABSENT;
        }
        byte[] bytes = (caption.text() + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, bytes);
        return FileStamp.of(bytes);
    }

    /**
     * Puts back exact bytes (an undo): {@code bytes} null means "there was no file". Checked against
     * {@code expected} like {@link #write}.
     */
    public static FileStamp restore(Path image, byte[] bytes, FileStamp expected) throws IOException {
        Path file = captionFile(image);
        checkUnchanged(file, expected);
        if (bytes == null) {
            trash(image, file);
            return FileStamp.ABSENT;
        }
        AtomicFiles.write(file, bytes);
        return FileStamp.of(bytes);
    }

    /** The bytes of the caption file now, null when there is none. */
    public static byte[] bytes(Path image) throws IOException {
        try {
            return Files.readAllBytes(captionFile(image));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void checkUnchanged(Path file, FileStamp expected) throws IOException {
        if (expected == null) {
            return;
        }
        FileStamp now = FileStamp.current(file);
        if (!now.equals(expected)) {
            String current = "";
            if (!now.absent() && now.size() <= MAX_BYTES) {
                current = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            }
            throw new CaptionConflictException(file, current);
        }
    }

    /** Captions live in {@code <project>/dataset/}; an emptied one goes to that project's trash. */
    private static void trash(Path image, Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path dataset = image.toAbsolutePath().normalize().getParent();
        Path root = dataset.getParent();
        if (root == null) {
            throw new IOException(file + " is not in a project's dataset folder; not removed");
        }
        new ProjectTrash(new ProjectLayout(root)).moveToTrash(List.of(file));
    }
}
