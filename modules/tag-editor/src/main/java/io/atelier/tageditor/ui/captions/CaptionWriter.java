package io.atelier.tageditor.ui.captions;

import io.atelier.core.caption.BatchPreview;
import io.atelier.core.caption.BatchResult;
import io.atelier.core.caption.BatchUndo;
import io.atelier.core.caption.Caption;
import io.atelier.core.caption.CaptionBatch;
import io.atelier.core.caption.CaptionChange;
import io.atelier.core.caption.CaptionConflictException;
import io.atelier.core.caption.CaptionFiles;
import io.atelier.core.caption.CaptionProblem;
import io.atelier.core.caption.CaptionText;
import io.atelier.core.caption.FileStamp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every write of a Tag editor window goes through here, one at a time on a serial executor, so edits, batches and
 * undos reach the disk in the order the user made them and the event thread never waits for the disk.
 * <p>
 * Each write is checked against the version the edit was based on, so a caption another program changed meanwhile is
 * never silently overwritten: the edit comes back as a {@link Conflict} with the file as it is now. Quick successive
 * edits of one caption are <em>chained</em>: each is based on the one before, whose version only this writer knows
 * ({@link #write} with a null base). After a conflict the rest of that chain is dropped ({@link Skipped}) until the
 * user decides and a write with an explicit base starts a new chain.
 * <p>
 * Results are handed to the {@code deliver} executor (the event thread in the app).
 */
public final class CaptionWriter {

    /** How a job reports progress and learns that the user cancelled it. Called on the writer's thread. */
    public interface Progress {

        Progress NONE = new Progress() {
            @Override
            public void step(int done, int total) {
                // nobody watches
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        void step(int done, int total);

        boolean cancelled();
    }

    /** What became of one edit. */
    public sealed interface Outcome {
        Path image();
    }

    /** Written; {@code undo} puts the exact earlier bytes back. */
    public record Written(CaptionText now, BatchUndo undo) implements Outcome {
        @Override
        public Path image() {
            return now.image();
        }
    }

    /** Not written: another program changed the caption since the edit's version was read. */
    public record Conflict(Path image, CaptionText theirs) implements Outcome {
    }

    /** Not written: an earlier edit of the same chain met a conflict that the user has not settled yet. */
    public record Skipped(Path image) implements Outcome {
    }

    /** Not written: the disk refused (the message names the file). */
    public record Failed(Path image, IOException error) implements Outcome {
    }

    /**
     * What a batch, an undo or a redo did.
     *
     * @param result what was written and what was left alone
     * @param now    the captions it touched, read back from disk (for the window's index)
     * @param cancelled whether the user stopped it before the end
     */
    public record Applied(BatchResult result, List<CaptionText> now, boolean cancelled) {
    }

    private static final Logger LOG = Logger.getLogger(CaptionWriter.class.getName());
    /** Changes per step of a batch: small enough for a lively progress bar and a prompt cancel. */
    static final int CHUNK = 25;

    private final Executor serial;
    private final Executor deliver;
    // writer thread only
    private final Map<Path, FileStamp> known = new HashMap<>();
    private final Set<Path> broken = new HashSet<>();

    /** @param serial runs one task at a time, in order; {@code deliver} receives the results */
    public CaptionWriter(Executor serial, Executor deliver) {
        this.serial = serial;
        this.deliver = deliver;
    }

    /**
     * Writes {@code caption} beside {@code image}.
     *
     * @param base the version the edit was made on; null to chain it to this writer's previous write of the image
     * @param done told what became of it, on the deliver executor
     */
    public void write(Path image, Caption caption, FileStamp base, Consumer<Outcome> done) {
        serial.execute(() -> {
            Outcome outcome = writeNow(image, caption, base);
            deliver.execute(() -> done.accept(outcome));
        });
    }

    private Outcome writeNow(Path image, Caption caption, FileStamp base) {
        if (base == null && broken.contains(image)) {
            return new Skipped(image);
        }
        broken.remove(image);
        FileStamp expected = base != null ? base : known.get(image);
        if (expected == null) {
            // chained to a write this writer never made: what the edit was based on is unknown, so the user decides
            return conflict(image);
        }
        try {
            byte[] before = CaptionFiles.bytes(image);
            FileStamp current = before == null ? FileStamp.ABSENT : FileStamp.of(before);
            if (!expected.equals(current)) {
                return conflict(image);
            }
            FileStamp after = CaptionFiles.write(image, caption, current);
            known.put(image, after);
            BatchUndo undo = new BatchUndo(null, List.of(new BatchUndo.Entry(image, before, after)));
            return new Written(CaptionFiles.read(image), undo);
        } catch (CaptionConflictException e) {
            LOG.log(Level.FINE, "changed between check and write: {0}", image);
            return conflict(image);
        } catch (IOException e) {
            LOG.log(Level.INFO, "caption not written: " + image, e);
            broken.add(image);
            return new Failed(image, e);
        }
    }

    private Conflict conflict(Path image) {
        broken.add(image);
        try {
            return new Conflict(image, CaptionFiles.read(image));
        } catch (IOException e) {
            // the other program left something that is not a caption: show it as text that cannot be read
            LOG.log(Level.FINE, "conflicting caption unreadable: " + image, e);
            return new Conflict(image, new CaptionText(image, CaptionFiles.captionFile(image), "", Caption.EMPTY,
                    FileStamp.ABSENT, false, e.getMessage()));
        }
    }

    /**
     * Writes the previewed changes in steps, checking each against the version the preview read; stops between
     * steps when {@code progress} says so. The result's undo takes back what was written.
     */
    public void apply(BatchPreview preview, Progress progress, Consumer<Applied> done) {
        serial.execute(() -> {
            List<CaptionChange> changes = preview.changes();
            List<BatchUndo.Entry> undo = new ArrayList<>();
            List<CaptionProblem> conflicts = new ArrayList<>();
            int written = 0;
            boolean cancelled = false;
            for (int from = 0; from < changes.size(); from += CHUNK) {
                if (progress.cancelled()) {
                    cancelled = true;
                    break;
                }
                List<CaptionChange> chunk = changes.subList(from, Math.min(changes.size(), from + CHUNK));
                BatchResult r = CaptionBatch.apply(new BatchPreview(preview.edit(), chunk, 0, List.of()), null);
                undo.addAll(r.undo().entries());
                conflicts.addAll(r.conflicts());
                written += r.written();
                progress.step(Math.min(changes.size(), from + CHUNK), changes.size());
            }
            BatchUndo all = new BatchUndo(preview.edit().describe(), undo);
            remember(all);
            List<Path> touched = changes.stream().map(CaptionChange::image).toList();
            Applied applied = new Applied(new BatchResult(written, conflicts, all), reread(touched), cancelled);
            deliver.execute(() -> done.accept(applied));
        });
    }

    /**
     * Takes back what {@code slot} holds (a batch, an edit, or an undo: then it redoes) and leaves in it what takes
     * this back. The slot is read and written on the writer's thread only, so an undo asked for before the edit it
     * takes back has been written still finds it.
     */
    public void restore(AtomicReference<BatchUndo> slot, Collection<Path> images, Consumer<Applied> done) {
        serial.execute(() -> {
            BatchUndo undo = slot.get();
            BatchResult r = CaptionBatch.undo(undo);
            slot.set(new BatchUndo(undo.description(), r.undo().entries()));
            remember(r.undo());
            for (BatchUndo.Entry e : undo.entries()) {
                broken.remove(e.image());
            }
            Applied applied = new Applied(r, reread(images), false);
            deliver.execute(() -> done.accept(applied));
        });
    }

    /**
     * Runs other work that writes captions (auto-tagging) in turn with the edits; what it wrote must be told with
     * {@link #remember} from inside the task.
     */
    public void run(Runnable task) {
        serial.execute(task);
    }

    /** After a batch, an undo or other work wrote captions: their stamps start the next chains. Writer thread. */
    public void remember(BatchUndo written) {
        for (BatchUndo.Entry e : written.entries()) {
            known.put(e.image(), e.expected());
            broken.remove(e.image());
        }
    }

    /** The captions of {@code images} as on disk now; an unreadable one is left out (the index keeps its problem). */
    public static List<CaptionText> reread(Collection<Path> images) {
        List<CaptionText> now = new ArrayList<>(images.size());
        for (Path image : new LinkedHashSet<>(images)) {
            try {
                now.add(CaptionFiles.read(image));
            } catch (IOException e) {
                LOG.log(Level.INFO, "caption unreadable after writing: " + image, e);
            }
        }
        return now;
    }
}
