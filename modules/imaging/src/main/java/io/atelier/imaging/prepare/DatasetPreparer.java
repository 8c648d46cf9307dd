package io.atelier.imaging.prepare;

import io.atelier.core.io.FileProgress;
import io.atelier.core.io.AtomicFiles;
import io.atelier.core.io.Folders;
import io.atelier.core.project.ProjectLayout;
import io.atelier.core.project.ProjectStats;
import io.atelier.core.project.ProjectTrash;
import io.atelier.imaging.decode.ImageDecoder;
import io.atelier.imaging.encode.AtomicImageWriter;
import io.atelier.imaging.decode.ImageInfo;
import io.atelier.imaging.decode.ImageProbe;
import io.atelier.imaging.hash.ContentHash;
import io.atelier.imaging.prepare.PrepareJournal.Item;
import io.atelier.imaging.prepare.PrepareJournal.State;
import io.atelier.imaging.report.DatasetReport;
import io.atelier.imaging.report.FileProblem;
import io.atelier.imaging.work.ImageWorkers;
import io.atelier.imaging.resample.Resampler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Prepare: every image of {@code dataset/} resized from its untouched original to one long side (upscaled with
 * Mitchell, downscaled with Lanczos, see {@link Resampler}), written as PNG or JPEG and renamed {@code 01.png},
 * {@code 02.png}, ... in natural name order, each caption moving with its image.
 * <p>
 * It never loses a file. Every image gets an original in {@code dataset/.originals/} first (the importer's copy, or
 * a copy made now). Resized images are rendered into {@code .prepare/staging/} while the dataset is untouched; only
 * then are the old files moved out and the new ones in, each step recorded in {@link PrepareJournal}, so a killed
 * run resumes exactly where it stopped. Undo brings the originals back under their imported names with the
 * captions as they are now. Unreadable images stay where they are and are reported; the rest proceeds.
 */
public final class DatasetPreparer {

    private final ImageProbe probe = new ImageProbe();
    private final ImageDecoder decoder = new ImageDecoder(probe);
    private final int threads;
    private final FileMoves moves;

    public DatasetPreparer() {
        this(ImageWorkers.available());
    }

    /** @param threads images rendered at once */
    public DatasetPreparer(int threads) {
        this(threads, FileMoves.ATOMIC);
    }

    DatasetPreparer(int threads, FileMoves moves) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        this.threads = threads;
        this.moves = moves;
    }

    /** Whether the dataset has a finished Prepare that {@link #undo} can take back. */
    public static boolean canUndo(ProjectLayout layout) {
        try {
            return PrepareJournal.read(layout).map(j -> j.state() == State.DONE || j.state().undoing()
                    || j.state() == State.SWAPPING_OUT || j.state() == State.SWAPPING_IN).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Prepares the dataset. An interrupted Prepare is finished first (its moves are already under way); one
     * interrupted while rendering continues with the files it had rendered when the options match.
     *
     * @throws IOException when the dataset cannot be written (read-only: nothing is changed), another Prepare holds
     *                     it, or the journal is damaged; single bad images are problems in the result instead
     */
    public PrepareResult prepare(ProjectLayout layout, PrepareOptions options, FileProgress progress,
                                 BooleanSupplier cancelled) throws IOException {
        Objects.requireNonNull(options, "options");
        FileProgress listener = progress == null ? FileProgress.NONE : progress;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        requireWritable(layout);
        try (DatasetLock lock = DatasetLock.acquire(layout)) {
            Optional<PrepareJournal> existing = PrepareJournal.read(layout);
            if (existing.isPresent() && existing.get().state().undoing()) {
                new PrepareUndo(layout, moves).finish(existing.get());
                existing = PrepareJournal.read(layout);
            }
            if (existing.isPresent() && (existing.get().state() == State.SWAPPING_OUT
                    || existing.get().state() == State.SWAPPING_IN)) {
                commit(layout, existing.get());
                existing = PrepareJournal.read(layout);
            }
            PrepareJournal previous = existing.filter(j -> j.state() == State.DONE).orElse(null);
            PrepareJournal interrupted = existing.filter(j -> j.state() == State.RENDERING)
                    .filter(j -> j.options().equals(options)).orElse(null);
            if (existing.isPresent() && existing.get().state() == State.RENDERING && interrupted == null) {
                clear(PrepareJournal.folder(layout).resolve("staging")); // rendered with other options
            }

            List<FileProblem> problems = new ArrayList<>();
            List<FileProblem> notes = new ArrayList<>();
            PrepareJournal plan = plan(layout, options, previous, problems, notes);
            if (previous != null && alreadyPrepared(plan, previous)) {
                return new PrepareResult(previous.items().stream().map(Item::prepared).toList(), problems, notes,
                        false, true);
            }
            plan.write(layout);
            List<Item> rendered = render(layout, plan, listener, stop, problems);
            if (rendered == null) {
                return new PrepareResult(List.of(), problems, notes, true, false);
            }
            PrepareJournal named = plan.withItems(name(rendered, options.format()));
            notes.addAll(clearNamesNeeded(layout, named, plan.items()));
            List<FileProblem> recorded = new ArrayList<>(problems);
            recorded.addAll(notes);
            PrepareJournal swapping = new PrepareJournal(PrepareJournal.VERSION, State.SWAPPING_OUT,
                    options.longSide(), options.format(), named.items(), recorded);
            swapping.write(layout);
            PrepareJournal done = commit(layout, swapping);
            return new PrepareResult(done.items().stream().map(Item::prepared).toList(), problems, notes, false,
                    false);
        }
    }

    /**
     * Takes the last Prepare back: the originals return under their imported names, each with the caption its
     * prepared image has now (tag edits made since are kept); prepared images edited since go to {@code .trash/}.
     * Images removed after the Prepare stay removed; images added after it stay.
     *
     * @throws IOException when there is nothing to undo, the dataset is read-only or busy
     */
    public UndoResult undo(ProjectLayout layout, FileProgress progress, BooleanSupplier cancelled)
            throws IOException {
        requireWritable(layout);
        try (DatasetLock lock = DatasetLock.acquire(layout)) {
            PrepareJournal journal = PrepareJournal.read(layout)
                    .orElseThrow(() -> new IOException(layout.dataset() + " has no Prepare to undo"));
            if (journal.state() == State.SWAPPING_OUT || journal.state() == State.SWAPPING_IN) {
                journal = commit(layout, journal);
            }
            if (journal.state() != State.DONE && !journal.state().undoing()) {
                throw new IOException(layout.dataset() + " has no finished Prepare to undo (last one: "
                        + journal.state().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
            if (journal.state() == State.DONE && cancelled != null && cancelled.getAsBoolean()) {
                return new UndoResult(0, List.of(), true);
            }
            return new PrepareUndo(layout, moves).run(journal, progress == null ? FileProgress.NONE : progress);
        }
    }

    // ------------------------------------------------------------------ planning

    private PrepareJournal plan(ProjectLayout layout, PrepareOptions options, PrepareJournal previous,
                                List<FileProblem> problems, List<FileProblem> notes) throws IOException {
        Map<String, Item> previousByTarget = new HashMap<>();
        if (previous != null) {
            for (Item item : previous.items()) {
                previousByTarget.put(item.target(), item);
            }
        }
        boolean sameOptions = previous != null && previous.options().equals(options);
        List<Path> images = new ArrayList<>(DatasetReport.imageFiles(layout));
        images.sort(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE));
        Map<String, String> captionOwners = new HashMap<>();
        List<Item> items = new ArrayList<>();
        for (Path image : images) {
            String name = image.getFileName().toString();
            String hash;
            String original;
            try {
                hash = ContentHash.of(image);
                Item before = previousByTarget.get(name);
                boolean derived = before != null && hash.equals(before.targetHash());
                original = derived ? before.original() : keepOriginal(layout, image, hash);
                Path caption = ProjectStats.captionOf(image);
                String captionName = Files.isRegularFile(caption) ? caption.getFileName().toString() : null;
                if (captionName != null) {
                    String owner = captionOwners.putIfAbsent(captionName, name);
                    if (owner != null) {
                        notes.add(new FileProblem(name, name + " shares the caption " + captionName + " with "
                                + owner + "; both prepared images get a copy of it"));
                    }
                }
                boolean reuse = derived && sameOptions;
                items.add(new Item(items.size(), name, hash, captionName, original, reuse,
                        reuse ? before.target() : null, null, reuse ? before.width() : 0,
                        reuse ? before.height() : 0, reuse ? before.scale() : 0, false));
            } catch (IOException e) {
                problems.add(new FileProblem(name, message(e)));
            }
        }
        return new PrepareJournal(PrepareJournal.VERSION, State.RENDERING, options.longSide(), options.format(),
                items, List.of());
    }

    /**
     * The name in {@code .originals/} of a file with this content: the importer's copy under the same name (or a
     * suffixed one), else a copy made now, so an image put into {@code dataset/} by hand is kept untouched too.
     */
    private static String keepOriginal(ProjectLayout layout, Path image, String hash) throws IOException {
        Path originals = layout.originals();
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = name.substring(0, dot);
        String ext = name.substring(dot);
        long size = Files.size(image);
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? name : base + "-" + n + ext;
            Path existing = originals.resolve(candidate);
            if (!Files.exists(existing)) {
                Files.createDirectories(originals);
                AtomicFiles.copy(image, existing);
                return candidate;
            }
            if (Files.size(existing) == size && ContentHash.of(existing).equals(hash)) {
                return candidate;
            }
        }
    }

    /** The dataset is exactly the previous Prepare's output with the same options: same files, names, order. */
    private static boolean alreadyPrepared(PrepareJournal plan, PrepareJournal previous) {
        if (!plan.options().equals(previous.options()) || plan.items().size() != previous.items().size()) {
            return false;
        }
        List<String> names = targetNames(plan.items().size(), plan.format());
        for (int i = 0; i < plan.items().size(); i++) {
            Item now = plan.items().get(i);
            if (!now.reuse() || !now.source().equals(names.get(i)) || !now.target().equals(names.get(i))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ rendering

    /** Renders every item not reused into staging, in parallel; null when cancelled. */
    private List<Item> render(ProjectLayout layout, PrepareJournal plan, FileProgress listener,
                              BooleanSupplier stop, List<FileProblem> problems) throws IOException {
        Path staging = PrepareJournal.folder(layout).resolve("staging");
        Files.createDirectories(staging);
        int total = plan.items().size();
        AtomicInteger done = new AtomicInteger();
        List<Item> results = new ArrayList<>(plan.items());
        List<Integer> toRender = new ArrayList<>();
        for (Item item : plan.items()) {
            if (item.reuse()) {
                listener.fileDone(done.incrementAndGet(), total, item.source());
            } else {
                toRender.add(item.index());
            }
        }
        ExecutorService pool = ImageWorkers.pool("atelier-prepare", threads, toRender.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int index : toRender) {
                Item item = plan.items().get(index);
                futures.add(pool.submit(() -> {
                    if (stop.getAsBoolean()) {
                        return null;
                    }
                    Object outcome;
                    try {
                        outcome = renderOne(layout, staging, item, plan.options());
                    } catch (IOException | RuntimeException e) {
                        outcome = new FileProblem(item.source(), message(e) + " (left as it is)");
                    }
                    synchronized (listener) {
                        listener.fileDone(done.incrementAndGet(), total, item.source());
                    }
                    return outcome;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                Object outcome = futures.get(i).get();
                int index = toRender.get(i);
                if (outcome instanceof Item rendered) {
                    results.set(index, rendered);
                } else if (outcome instanceof FileProblem problem) {
                    problems.add(problem);
                    results.set(index, null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Prepare was interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("Prepare failed: " + message(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (stop.getAsBoolean()) {
            return null;
        }
        return results.stream().filter(Objects::nonNull).toList();
    }

    /** One image from its original to {@code staging/<index>.<ext>}; a file already there is a resumed run's. */
    private Item renderOne(ProjectLayout layout, Path staging, Item item, PrepareOptions options) throws IOException {
        Path original = layout.originals().resolve(item.original());
        Path out = staging.resolve(item.index() + "." + options.format().extension());
        ImageInfo source = probe.probe(original);
        double scale = Resampler.scaleFactor(source.width(), source.height(), options.longSide());
        if (!Files.isRegularFile(out)) {
            BufferedImage resized = Resampler.resize(decoder.decode(original), options.longSide());
            if (options.format() == OutputFormat.PNG) {
                AtomicImageWriter.png(resized, out);
            } else {
                AtomicImageWriter.jpeg(resized, OutputFormat.JPEG_QUALITY, out);
            }
        }
        ImageInfo written = probe.probe(out);
        return item.rendered(null, written.width(), written.height(), scale);
    }

    /** Sequential names over the images that rendered, zero-padded to the count (at least two digits). */
    private static List<Item> name(List<Item> rendered, OutputFormat format) {
        List<String> names = targetNames(rendered.size(), format);
        List<Item> named = new ArrayList<>();
        for (int i = 0; i < rendered.size(); i++) {
            Item item = rendered.get(i);
            named.add(item.rendered(names.get(i), item.width(), item.height(), item.scale()));
        }
        return named;
    }

    static List<String> targetNames(int count, OutputFormat format) {
        int digits = Math.max(2, String.valueOf(count).length());
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add(String.format(java.util.Locale.ROOT, "%0" + digits + "d.%s", i, format.extension()));
        }
        return names;
    }

    /**
     * Files in the dataset that are not moving but sit on a name the prepared images need (an unreadable
     * {@code 03.png}, a stray {@code 03.txt}) go to {@code .trash/}, an unreadable image with its caption.
     */
    private List<FileProblem> clearNamesNeeded(ProjectLayout layout, PrepareJournal named, List<Item> planned)
            throws IOException {
        Set<String> moving = new LinkedHashSet<>();
        for (Item item : named.items()) {
            moving.add(item.source());
            if (item.caption() != null) {
                moving.add(item.caption());
            }
        }
        Set<String> needed = new LinkedHashSet<>();
        for (Item item : named.items()) {
            needed.add(item.target());
            needed.add(item.targetCaption());
        }
        Set<Path> inTheWay = new LinkedHashSet<>();
        for (String name : needed) {
            Path p = layout.dataset().resolve(name);
            if (!moving.contains(name) && Files.exists(p)) {
                inTheWay.add(captionOwner(p, planned, moving).orElse(p));
            }
        }
        List<FileProblem> problems = new ArrayList<>();
        if (!inTheWay.isEmpty()) {
            new ProjectTrash(layout).moveToTrash(List.copyOf(inTheWay));
            for (Path p : inTheWay) {
                problems.add(new FileProblem(p.getFileName().toString(), p.getFileName()
                        + " was in the way of the new names and was moved to .trash/"));
            }
        }
        return problems;
    }

    /** A caption in the way whose image stays (it did not render) takes its image with it to the trash. */
    private static Optional<Path> captionOwner(Path caption, List<Item> planned, Set<String> moving) {
        String name = caption.getFileName().toString();
        return planned.stream().filter(i -> name.equals(i.caption()) && !moving.contains(i.source()))
                .map(i -> caption.resolveSibling(i.source())).filter(Files::exists).findFirst();
    }

    // ------------------------------------------------------------------ committing

    /**
     * The moves, resumable at each phase: old images and captions out to {@code replaced/}, prepared images in,
     * captions copied beside them; then the journal says DONE and the scratch folders go.
     */
    private PrepareJournal commit(ProjectLayout layout, PrepareJournal journal) throws IOException {
        Path folder = PrepareJournal.folder(layout);
        Path staging = folder.resolve("staging");
        Path replaced = folder.resolve("replaced");
        Path captions = replaced.resolve("captions");
        Path dataset = layout.dataset();
        if (journal.state() == State.SWAPPING_OUT) {
            Files.createDirectories(captions);
            for (Item item : journal.items()) {
                Path source = dataset.resolve(item.source());
                if (Files.exists(source)) {
                    moves.move(source, replaced.resolve(item.index() + "." + item.sourceExtension()));
                }
                if (item.caption() != null && Files.exists(dataset.resolve(item.caption()))) {
                    moves.move(dataset.resolve(item.caption()), captions.resolve(item.caption()));
                }
            }
            journal = journal.in(State.SWAPPING_IN);
            journal.write(layout);
        }
        if (journal.state() == State.SWAPPING_IN) {
            ProjectTrash trash = new ProjectTrash(layout);
            for (Item item : journal.items()) {
                Path from = item.reuse()
                        ? replaced.resolve(item.index() + "." + item.sourceExtension())
                        : staging.resolve(item.index() + "." + journal.format().extension());
                Path target = dataset.resolve(item.target());
                if (Files.exists(from)) {
                    if (Files.exists(target)) {
                        trash.moveToTrash(List.of(target)); // put there while Prepare ran: kept, not overwritten
                    }
                    moves.move(from, target);
                }
                Path caption = item.caption() == null ? null : captions.resolve(item.caption());
                Path targetCaption = dataset.resolve(item.targetCaption());
                if (caption != null && Files.exists(caption) && !Files.exists(targetCaption)) {
                    moves.copy(caption, targetCaption);
                }
            }
            List<Item> hashed = new ArrayList<>();
            for (Item item : journal.items()) {
                Path target = dataset.resolve(item.target());
                hashed.add(item.hashed(Files.exists(target) ? ContentHash.of(target) : null));
            }
            journal = journal.withItems(hashed).in(State.DONE);
            journal.write(layout);
        }
        // Every file left in replaced/ has an identical copy in .originals/ or is an earlier Prepare's output
        // (re-made from an original); the captions were copied: nothing here is the only copy of anything.
        clear(replaced);
        clear(staging);
        return journal;
    }

    // ------------------------------------------------------------------ helpers

    private static void requireWritable(ProjectLayout layout) throws IOException {
        Path dataset = layout.dataset();
        if (!Files.isDirectory(dataset)) {
            throw new IOException(dataset + " does not exist: import images first");
        }
        if (!Folders.isWritable(dataset)) {
            throw new IOException("The dataset folder is read-only: " + dataset + " (nothing was changed)");
        }
    }

    static void clear(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }


    /** One Prepare or Undo per dataset at a time, across processes (the app and the CLI). */
    private static final class DatasetLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private DatasetLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static DatasetLock acquire(ProjectLayout layout) throws IOException {
            Path folder = PrepareJournal.folder(layout);
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw new IOException("another Prepare is running on " + layout.dataset());
                }
                return new DatasetLock(channel, lock);
            } catch (OverlappingFileLockException e) {
                channel.close();
                throw new IOException("another Prepare is running on " + layout.dataset(), e);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
