package io.atelier.core.project;

import io.atelier.core.io.FreeName;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The project's {@code .trash/}: removed files go here instead of being deleted, and can be put back. Each removal
 * is one batch folder {@code .trash/<UTC time>/} holding the files at their path relative to the project root,
 * so the folder alone says where everything came from. An image's {@code .txt} caption goes along with it.
 */
public final class ProjectTrash {

    /** Batch folder names: sortable, unique per millisecond, valid on every file system. */
    private static final DateTimeFormatter BATCH = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ProjectLayout layout;

    public ProjectTrash(ProjectLayout layout) {
        this.layout = layout;
    }

    /**
     * Moves {@code files} (inside the project) into one new batch folder, each image with its caption.
     *
     * @throws IOException naming the file that could not be moved; the files moved before it stay in the trash
     */
    public List<TrashedFile> moveToTrash(List<Path> files) throws IOException {
        Set<Path> all = new LinkedHashSet<>();
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!absolute.startsWith(layout.root()) || absolute.startsWith(layout.trash())) {
                throw new IOException(file + " is not a file of the project " + layout.root());
            }
            if (!Files.isRegularFile(absolute)) {
                throw new IOException(file + ": no such file");
            }
            all.add(absolute);
            if (ProjectStats.isImage(absolute)) {
                Path caption = ProjectStats.captionOf(absolute);
                if (Files.isRegularFile(caption)) {
                    all.add(caption);
                }
            }
        }
        if (all.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        Path batch = newBatchFolder(now);
        List<TrashedFile> moved = new ArrayList<>();
        for (Path file : all) {
            Path target = batch.resolve(layout.root().relativize(file).toString());
            Files.createDirectories(target.getParent());
            try {
                move(file, target);
            } catch (IOException e) {
                throw new IOException("cannot move " + file + " to the trash: " + e.getMessage(), e);
            }
            moved.add(new TrashedFile(target, file, now));
        }
        return moved;
    }

    /**
     * Moves one file into a new batch folder as if it came from {@code as}: for a file in a scratch folder that
     * stands for a dataset file (an edited prepared image set aside by Undo), so that restoring it puts it where
     * the user knew it.
     */
    public TrashedFile moveToTrashAs(Path file, Path as) throws IOException {
        Path absolute = as.toAbsolutePath().normalize();
        if (!absolute.startsWith(layout.root()) || absolute.startsWith(layout.trash())) {
            throw new IOException(as + " is not a place in the project " + layout.root());
        }
        Instant now = Instant.now();
        Path target = newBatchFolder(now).resolve(layout.root().relativize(absolute).toString());
        Files.createDirectories(target.getParent());
        try {
            move(file, target);
        } catch (IOException e) {
            throw new IOException("cannot move " + file + " to the trash: " + e.getMessage(), e);
        }
        return new TrashedFile(target, absolute, now);
    }

    /** Everything in the trash, newest batch first, files of a batch by path. */
    public List<TrashedFile> list() throws IOException {
        Path trash = layout.trash();
        if (!Files.isDirectory(trash)) {
            return List.of();
        }
        List<Path> batches;
        try (Stream<Path> s = Files.list(trash)) {
            batches = s.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        }
        List<TrashedFile> entries = new ArrayList<>();
        for (Path batch : batches) {
            Instant when = batchTime(batch);
            try (Stream<Path> s = Files.walk(batch)) {
                for (Path file : s.filter(Files::isRegularFile).sorted().toList()) {
                    entries.add(new TrashedFile(file, layout.root().resolve(batch.relativize(file).toString()), when));
                }
            }
        }
        return entries;
    }

    /**
     * Puts a trashed file back where it came from; when that name is taken meanwhile it gets a suffix
     * ({@code a-2.png}). An image's caption trashed with it comes back beside it, under the matching name.
     * Empty batch folders are removed.
     *
     * @return where the file went
     */
    public Path restore(TrashedFile entry) throws IOException {
        Path trashed = entry.trashed().toAbsolutePath().normalize();
        if (!trashed.startsWith(layout.trash()) || !Files.isRegularFile(trashed)) {
            throw new IOException(entry.trashed() + " is not in the trash of " + layout.root());
        }
        Path caption = ProjectStats.isImage(trashed) ? ProjectStats.captionOf(trashed) : null;
        Path target = FreeName.of(entry.originalLocation());
        moveBack(trashed, target);
        if (caption != null && Files.isRegularFile(caption)) {
            moveBack(caption, FreeName.of(ProjectStats.captionOf(target)));
        }
        removeEmptyFolders(trashed.getParent());
        return target;
    }

    private static void moveBack(Path trashed, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            move(trashed, target);
        } catch (IOException e) {
            throw new IOException("cannot restore " + trashed + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private Path newBatchFolder(Instant now) throws IOException {
        Files.createDirectories(layout.trash());
        Instant t = now;
        while (true) {
            Path batch = layout.trash().resolve(BATCH.format(t));
            try {
                return Files.createDirectory(batch);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                t = t.plusMillis(1); // two removals in the same millisecond
            }
        }
    }

    private static Instant batchTime(Path batch) {
        try {
            return Instant.from(BATCH.parse(batch.getFileName().toString()));
        } catch (DateTimeParseException e) {
            // a folder someone put there by hand: fall back on its time stamp
            try {
                return Files.getLastModifiedTime(batch).toInstant();
            } catch (IOException io) {
                return Instant.EPOCH;
            }
        }
    }

    private void removeEmptyFolders(Path folder) throws IOException {
        Path f = folder;
        while (f != null && f.startsWith(layout.trash()) && !f.equals(layout.trash())) {
            try (Stream<Path> s = Files.list(f)) {
                if (s.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(f);
            f = f.getParent();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to); // another file system (a .trash on a separate mount): copy and delete
        }
    }
}
