package io.atelier.imaging.importing;

import io.atelier.core.io.FileProgress;
import io.atelier.core.io.AtomicFiles;
import io.atelier.core.io.Folders;
import io.atelier.core.project.ProjectLayout;
import io.atelier.core.project.ProjectStats;
import io.atelier.imaging.decode.ImageDecodeException;
import io.atelier.imaging.decode.ImageProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Brings images into a project's {@code dataset/} from files, folders (recursive, hidden entries skipped) and zip
 * archives. Each image is checked from its header only, then its original bytes are copied, untouched, into
 * {@code dataset/.originals/} and into {@code dataset/} (resizing is the separate Prepare step). A caption beside it
 * ({@code name.txt}, or {@code name.caption}) comes along as UTF-8 {@code .txt}. Nothing existing is ever overwritten:
 * a base name already taken gets a suffix ({@code a-2.jpg} with {@code a-2.txt}). Every write is a temp file and an
 * atomic move, so a cancelled or failed import leaves no half files. Problems with single files or entries are
 * reported and the rest of the batch proceeds.
 */
public final class DatasetImporter {

    /** Total uncompressed bytes taken from one archive. */
    public static final long DEFAULT_MAX_ARCHIVE_BYTES = 20L * 1024 * 1024 * 1024;
    /** Largest uncompressed/compressed ratio accepted for an entry (past {@link #RATIO_FREE_BYTES}). */
    public static final int DEFAULT_MAX_RATIO = 1000;
    /** Entries smaller than this are never refused for their ratio. */
    public static final long RATIO_FREE_BYTES = 1024 * 1024;

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final ImageProbe probe;
    private final long maxArchiveBytes;
    private final int maxRatio;

    public DatasetImporter() {
        this(new ImageProbe(), DEFAULT_MAX_ARCHIVE_BYTES, DEFAULT_MAX_RATIO);
    }

    public DatasetImporter(ImageProbe probe, long maxArchiveBytes, int maxRatio) {
        if (maxArchiveBytes < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.probe = probe;
        this.maxArchiveBytes = maxArchiveBytes;
        this.maxRatio = maxRatio;
    }

    /**
     * Imports {@code sources} (image files, folders, {@code .zip} archives).
     *
     * @throws IOException when the dataset folder cannot be written at all (read-only); nothing is imported then
     */
    public ImportResult importInto(ProjectLayout project, List<Path> sources, FileProgress progress,
            BooleanSupplier cancelled) throws IOException {
        FileProgress listener = progress == null ? FileProgress.NONE : progress;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        Path dataset = project.dataset();
        Path originals = project.originals();
        for (Path dir : List.of(dataset, originals)) {
            Path existing = Folders.nearestExisting(dir);
            if (existing == null || !Folders.isWritable(existing)) {
                throw new IOException("The dataset folder is read-only: " + (existing == null ? dir : existing)
                        + " (nothing was imported)");
            }
        }
        Files.createDirectories(originals);

        Run run = new Run(dataset, originals, listener, stop);
        List<Object> items = new ArrayList<>();
        for (Path source : sources) {
            collect(source.toAbsolutePath().normalize(), run, items, true);
        }
        for (Object item : items) {
            run.total += item instanceof Path ? 1 : ((ZipSource) item).images;
        }
        for (Object item : items) {
            if (run.cancelled || stop.getAsBoolean()) {
                run.cancelled = true;
                break;
            }
            if (item instanceof Path file) {
                importFile(file, run);
            } else {
                importZip((ZipSource) item, run);
            }
        }
        return new ImportResult(run.imported, run.problems, run.cancelled);
    }

    // ---------------------------------------------------------------- collecting

    private record ZipSource(Path zip, int images) {
    }

    private void collect(Path source, Run run, List<Object> items, boolean explicit) {
        try {
            if (Files.isDirectory(source)) {
                walk(source, run, items);
            } else if (!Files.exists(source)) {
                run.problem(source.toString(), "file not found");
            } else if (extension(source.getFileName().toString()).equals("zip")) {
                int images = 0;
                try (ZipFile zip = openZip(source)) {
                    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                        ZipEntry entry = e.nextElement();
                        if (!entry.isDirectory() && isImageName(entry.getName())
                                && (unsafeEntry(entry.getName()) != null || !hiddenEntry(entry.getName()))) {
                            images++;
                        }
                    }
                }
                items.add(new ZipSource(source, images));
            } else if (isImageName(source.getFileName().toString())) {
                items.add(source);
            } else if (explicit) {
                run.problem(source.toString(), "not an image file type (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(ProjectStats.IMAGE_EXTENSIONS)) + ", or .zip)");
            }
        } catch (IOException | RuntimeException e) {
            run.problem(source.toString(), "cannot read: " + reason(e));
        }
    }

    private void walk(Path root, Run run, List<Object> items) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && (isHidden(dir) || dir.equals(run.dataset))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!isHidden(file) && attrs.isRegularFile()) {
                    collect(file, run, items, false);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                run.problem(file.toString(), "cannot read: " + reason(e));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    // ---------------------------------------------------------------- plain files

    private void importFile(Path file, Run run) {
        String item = file.toString();
        try {
            probe.probe(file);
            Path caption = captionBeside(file);
            byte[] captionBytes = caption == null ? null : Files.readAllBytes(caption);
            Target target = run.reserve(file.getFileName().toString());
            try {
                copyAtomically(file, target.original);
                copyAtomically(file, target.image);
                run.done(item, target, captionBytes);
            } catch (IOException | RuntimeException e) {
                target.cleanUp();
                throw e;
            }
        } catch (ImageDecodeException e) {
            run.problem(item, stripFile(e));
        } catch (UnrepresentableNameException e) {
            run.problem(item, e.getMessage());
        } catch (IOException | RuntimeException e) {
            run.problem(item, "cannot import: " + reason(e));
        }
        run.progress(item);
    }

    private static Path captionBeside(Path image) {
        String name = image.getFileName().toString();
        String base = baseName(name);
        for (String ext : List.of(".txt", ".caption")) {
            Path c = image.resolveSibling(base + ext);
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- zip archives

    private void importZip(ZipSource source, Run run) {
        String zipName = source.zip().toString();
        try (ZipFile zip = openZip(source.zip())) {
            Map<String, ZipEntry> byName = new HashMap<>();
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                entries.add(entry);
                byName.putIfAbsent(entry.getName(), entry);
            }
            long[] budget = {maxArchiveBytes};
            for (ZipEntry entry : entries) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                String item = zipName + "!" + name;
                String unsafe = unsafeEntry(name);
                if (unsafe != null) {
                    run.problem(item, "refused: " + unsafe + " (zip slip); nothing was written for this entry");
                    if (isImageName(name)) {
                        run.progress(item);
                    }
                    continue;
                }
                String[] parts = name.split("[/\\\\]");
                if (hiddenEntry(name) || !isImageName(name)) {
                    continue;
                }
                if (run.cancelled || run.stop.getAsBoolean()) {
                    run.cancelled = true;
                    return;
                }
                importEntry(zip, entry, parts[parts.length - 1], item, byName, budget, run);
                run.progress(item);
                if (budget[0] <= 0) {
                    run.problem(zipName, "archive stopped: more than " + maxArchiveBytes
                            + " bytes uncompressed (possible zip bomb); the remaining entries were not extracted");
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            run.problem(zipName, "cannot read archive: " + reason(e));
        }
    }

    private void importEntry(ZipFile zip, ZipEntry entry, String fileName, String item, Map<String, ZipEntry> byName,
            long[] budget, Run run) {
        Target target = null;
        Path tmp = null;
        try {
            target = run.reserve(fileName);
            tmp = temp(target.original);
            try (InputStream in = zip.getInputStream(entry);
                 OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
                long ratioLimit = entry.getCompressedSize() > 0
                        ? Math.max(RATIO_FREE_BYTES, entry.getCompressedSize() * maxRatio) : Long.MAX_VALUE;
                byte[] buf = new byte[64 * 1024];
                long written = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    written += n;
                    if (written > budget[0]) {
                        budget[0] = 0;
                        throw new BombException("archive expands to more than " + maxArchiveBytes
                                + " bytes (possible zip bomb); entry not extracted");
                    }
                    if (written > ratioLimit) {
                        budget[0] -= written;
                        throw new BombException("entry expands more than " + maxRatio
                                + " times its compressed size (possible zip bomb); not extracted");
                    }
                    out.write(buf, 0, n);
                }
                budget[0] -= written;
            }
            try {
                probe.probe(tmp);
            } catch (ImageDecodeException e) {
                throw new BombException(stripFile(e));
            }
            byte[] captionBytes = null;
            String base = baseName(entry.getName());
            for (String ext : List.of(".txt", ".caption")) {
                ZipEntry c = byName.get(base + ext);
                if (c != null && !c.isDirectory() && captionBytes == null) {
                    try (InputStream in = zip.getInputStream(c)) {
                        captionBytes = in.readNBytes(1024 * 1024);
                    }
                }
            }
            copyAtomically(tmp, target.image);
            move(tmp, target.original);
            run.done(item, target, captionBytes);
        } catch (BombException | UnrepresentableNameException e) {
            run.problem(item, e.getMessage());
            if (target != null) {
                target.cleanUp();
            }
        } catch (IOException | RuntimeException e) {
            run.problem(item, "cannot import: " + reason(e));
            if (target != null) {
                target.cleanUp();
            }
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a hidden temp file left behind is harmless
                }
            }
        }
    }

    /** Why an entry name would write outside the dataset, or null when it is safe. */
    static String unsafeEntry(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/")) {
            return "absolute path";
        }
        if (DRIVE.matcher(n).matches()) {
            return "drive letter in path";
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return "path goes up with '..'";
            }
        }
        if (n.indexOf('\0') >= 0) {
            return "NUL in name";
        }
        return null;
    }

    /** Entries under a dot folder or {@code __MACOSX}, or dot files: metadata, not training images. */
    private static boolean hiddenEntry(String name) {
        for (String part : name.split("[/\\\\]")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    private static ZipFile openZip(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            // Archives from older Windows tools store names in the DOS code page without the UTF-8 flag.
            return new ZipFile(zip.toFile(), Charset.forName("IBM437"));
        }
    }

    // ---------------------------------------------------------------- writing

    private static Path temp(Path target) {
        return target.resolveSibling("." + UUID.randomUUID() + ".import.tmp");
    }

    private static void copyAtomically(Path source, Path target) throws IOException {
        Path tmp = temp(target);
        try {
            Files.copy(source, tmp);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
    }

    /** Caption bytes as text: UTF-8 (BOM dropped) or UTF-16 with a BOM, else a legacy Windows/Latin-1 encoding. */
    static String decodeCaption(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        int start = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, start, b.length - start)).toString();
        } catch (CharacterCodingException e) {
            Charset legacy = Charset.isSupported("windows-1252") ? Charset.forName("windows-1252")
                    : StandardCharsets.ISO_8859_1;
            return new String(b, legacy);
        }
    }

    // ---------------------------------------------------------------- names

    private static boolean isImageName(String name) {
        return ProjectStats.IMAGE_EXTENSIONS.contains(extension(name));
    }

    private static String extension(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) : name;
    }

    private static String key(String base) {
        return base.toLowerCase(Locale.ROOT);
    }

    private static String stripFile(ImageDecodeException e) {
        String m = e.getMessage();
        String prefix = e.file() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static final class BombException extends IOException {
        private static final long serialVersionUID = 1L;

        BombException(String message) {
            super(message);
        }
    }

    private static final class UnrepresentableNameException extends IOException {
        private static final long serialVersionUID = 1L;

        UnrepresentableNameException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- one import

    /** Where one image goes: its dataset file, its original, its caption. */
    private static final class Target {
        final Path image;
        final Path original;
        final Path caption;

        Target(Path image, Path original, Path caption) {
            this.image = image;
            this.original = original;
            this.caption = caption;
        }

        void cleanUp() {
            for (Path p : new Path[] {image, original, caption}) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort; the base name stays reserved so nothing is overwritten
                }
            }
        }
    }

    private static final class Run {
        final Path dataset;
        final Path originals;
        final FileProgress listener;
        final BooleanSupplier stop;
        final List<ImportedFile> imported = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();
        final Set<String> taken = new HashSet<>();
        int total;
        int done;
        boolean cancelled;

        Run(Path dataset, Path originals, FileProgress listener, BooleanSupplier stop) throws IOException {
            this.dataset = dataset;
            this.originals = originals;
            this.listener = listener;
            this.stop = stop;
            for (Path dir : List.of(dataset, originals)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.forEach(p -> taken.add(key(Normalizer.normalize(baseName(p.getFileName().toString()),
                            Normalizer.Form.NFC))));
                }
            }
        }

        void problem(String item, String message) {
            problems.add(new ImportProblem(item, message));
        }

        void progress(String item) {
            done++;
            listener.fileDone(done, Math.max(done, total), item);
        }

        /** A base name not used in the dataset, its originals, or earlier in this import; reserved at once. */
        Target reserve(String fileName) throws UnrepresentableNameException {
            String name = Normalizer.normalize(fileName, Normalizer.Form.NFC);
            String base = baseName(name);
            String ext = name.substring(base.length());
            if (base.isEmpty() || base.startsWith(".") || name.indexOf('\0') >= 0 || name.indexOf('/') >= 0
                    || name.indexOf('\\') >= 0) {
                throw new UnrepresentableNameException("file name '" + name + "' cannot be used in the dataset");
            }
            String candidate = base;
            for (int i = 2; taken.contains(key(candidate)); i++) {
                candidate = base + "-" + i;
            }
            try {
                Target t = new Target(dataset.resolve(candidate + ext), originals.resolve(candidate + ext),
                        dataset.resolve(candidate + ".txt"));
                taken.add(key(candidate));
                return t;
            } catch (InvalidPathException e) {
                throw new UnrepresentableNameException("file name '" + name
                        + "' cannot be represented on this file system (" + e.getReason() + ")");
            }
        }

        void done(String item, Target target, byte[] captionBytes) throws IOException {
            Path caption = null;
            if (captionBytes != null) {
                try {
                    AtomicFiles.write(target.caption, decodeCaption(captionBytes).getBytes(StandardCharsets.UTF_8));
                    caption = target.caption;
                } catch (IOException e) {
                    problems.add(new ImportProblem(item, "image imported, but its caption could not be written: "
                            + reason(e)));
                }
            }
            imported.add(new ImportedFile(item, target.image, target.original, caption));
        }
    }
}
