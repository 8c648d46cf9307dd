package io.atelier.tageditor.ui.autotag;

import io.atelier.core.caption.BatchUndo;
import io.atelier.core.caption.CaptionFiles;
import io.atelier.core.caption.CaptionText;
import io.atelier.core.caption.FileStamp;
import io.atelier.tageditor.ui.captions.CaptionIndex;
import io.atelier.tageditor.ui.captions.CaptionWriter;
import io.atelier.tageditor.ui.undo.CaptionHistory;
import io.atelier.tageditor.ui.work.ProgressBar;
import io.atelier.tagger.batch.DatasetTagger;
import io.atelier.tagger.batch.TagMode;
import io.atelier.tagger.batch.TaggedImage;
import io.atelier.tagger.batch.TaggingProblem;
import io.atelier.tagger.batch.TaggingResult;
import io.atelier.tagger.model.TaggerModel;
import io.atelier.tagger.select.TagPrediction;
import io.atelier.tagger.select.TaggerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.NbBundle.Messages;

/**
 * One auto-tag run over a list of images, in the background with a progress bar that shows images per second and
 * can be cancelled. It runs on the window's writer, in turn with the edits, and the editor is read-only meanwhile.
 * The captions are snapshotted first, so the whole run is one undo step that puts every caption back as it was.
 * What the model wrote is marked in the editor and remembered in the store.
 */
@Messages({
    "PROGRESS_AutoTag=Auto-tag",
    "# {0} - model folder", "PROGRESS_Loading=loading the model {0}\u2026",
    "# {0} - image", "# {1} - provider", "PROGRESS_Image={0} ({1})",
    "# {0} - model", "UNDO_AutoTag=Auto-tag with {0}",
    "# {0} - tagged", "# {1} - seconds", "# {2} - rate", "# {3} - provider", "# {4} - written",
    "STATUS_AutoTagged=Auto-tagged {0,choice,0#no images|1#1 image|1<{0} images} in {1} s ({2} images/s) on {3}; "
        + "{4,choice,0#no caption|1#1 caption|1<{4} captions} written",
    "STATUS_AutoTagCancelled=cancelled; the captions written so far stay (Undo takes them back)",
    "# {0} - reason", "ERR_AutoTag=Auto-tag failed: {0}",
    "ERR_AutoTagTitle=Auto-tag failed. Captions written before the failure stay; Undo takes them back.",
    "# {0} - model", "PROBLEMS_AutoTag=Auto-tag with {0}: these images were left as they were"
})
public final class AutoTagJob {

    private static final Logger LOG = Logger.getLogger(AutoTagJob.class.getName());

    /** What to tag and how. {@code trigger} goes first in every caption written (null: none). */
    public record Request(List<Path> images, Path modelFolder, TaggerSettings settings, TagMode mode,
                          String trigger) {
    }

    private final CaptionIndex index;
    private final CaptionWriter writer;
    private final CaptionHistory history;
    private final PredictionMarks marks;
    private final Executor deliver;
    private final Consumer<Boolean> busy;
    private final Consumer<String> status;
    private final BiConsumer<String, List<String>> problems;

    /**
     * @param busy     told true when the run starts and false when it ended
     * @param status   told what the run did, in one line
     * @param problems told about images that were left as they were, one line each
     */
    public AutoTagJob(CaptionIndex index, CaptionWriter writer, CaptionHistory history, PredictionMarks marks,
            Executor deliver, Consumer<Boolean> busy, Consumer<String> status,
            BiConsumer<String, List<String>> problems) {
        this.index = index;
        this.writer = writer;
        this.history = history;
        this.marks = marks;
        this.deliver = deliver;
        this.busy = busy;
        this.status = status;
        this.problems = problems;
    }

    /** Starts the run (event thread). */
    public void start(Request r) {
        ProgressBar bar = new ProgressBar(Bundle.PROGRESS_AutoTag(), true);
        bar.start();
        index.writing(r.images());
        busy.accept(true);
        writer.run(() -> run(r, bar));
    }

    /** On the writer's thread. */
    private void run(Request r, ProgressBar bar) {
        Map<Path, byte[]> before = new HashMap<>();
        try {
            for (Path image : r.images()) {
                before.put(image, CaptionFiles.bytes(image));
            }
            bar.say(Bundle.PROGRESS_Loading(r.modelFolder().getFileName()));
            TaggingResult result;
            try (TaggerModel model = TaggerModel.load(r.modelFolder())) {
                String provider = model.provider();
                result = new DatasetTagger().tag(r.images(), model, r.settings(), r.mode(), r.trigger(),
                        (done, total, item) -> bar.step(done, total, Bundle.PROGRESS_Image(item, provider)),
                        bar::cancelled);
            }
            BatchUndo undo = undoOf(result, before);
            writer.remember(undo);
            PredictionStore.remember(result.tagged(), result.modelName());
            List<CaptionText> now = CaptionWriter.reread(r.images());
            deliver.execute(() -> done(r, result, undo, now));
        } catch (IOException | RuntimeException e) {
            // a model that does not load or inference that fails: the captions written before stay, undoable
            LOG.log(Level.INFO, "auto-tag failed", e);
            List<CaptionText> now = CaptionWriter.reread(r.images());
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            BatchUndo partial = partialUndo(r.images(), before, now);
            writer.remember(partial);
            deliver.execute(() -> failed(r, reason, partial, now));
        } finally {
            bar.finish();
        }
    }

    /** Puts back the bytes each caption the run wrote had before it. */
    private static BatchUndo undoOf(TaggingResult result, Map<Path, byte[]> before) throws IOException {
        List<BatchUndo.Entry> entries = new ArrayList<>();
        for (TaggedImage t : result.tagged()) {
            if (t.changed()) {
                entries.add(new BatchUndo.Entry(t.image(), before.get(t.image()),
                        FileStamp.current(CaptionFiles.captionFile(t.image()))));
            }
        }
        return new BatchUndo(Bundle.UNDO_AutoTag(result.modelName()), entries);
    }

    /** After a failure part way: every caption that differs from its snapshot was written by the run. */
    private static BatchUndo partialUndo(List<Path> images, Map<Path, byte[]> before, List<CaptionText> now) {
        List<BatchUndo.Entry> entries = new ArrayList<>();
        for (CaptionText t : now) {
            if (!before.containsKey(t.image())) {
                continue;   // the snapshot itself did not get this far
            }
            byte[] was = before.get(t.image());
            FileStamp old = was == null ? FileStamp.ABSENT : FileStamp.of(was);
            if (!old.equals(t.stamp())) {
                entries.add(new BatchUndo.Entry(t.image(), was, t.stamp()));
            }
        }
        return new BatchUndo(Bundle.PROGRESS_AutoTag(), entries);
    }

    private void done(Request r, TaggingResult result, BatchUndo undo, List<CaptionText> now) {
        index.settledAll(r.images(), now);
        history.record(undo.description(), undo);
        for (TaggedImage t : result.tagged()) {
            if (!t.written().isEmpty()) {
                Map<String, PredictionMarks.Mark> m = new LinkedHashMap<>();
                for (TagPrediction p : t.written()) {
                    m.put(p.tag(), new PredictionMarks.Mark(result.modelName(), p.probability()));
                }
                marks.put(t.image(), m);
            }
        }
        busy.accept(false);
        double seconds = result.elapsed().toMillis() / 1000.0;
        String line = Bundle.STATUS_AutoTagged(result.tagged().size(), String.format(Locale.ROOT, "%.1f", seconds),
                String.format(Locale.ROOT, "%.1f", result.imagesPerSecond()), result.provider(), result.written());
        status.accept(result.cancelled() ? line + " \u2014 " + Bundle.STATUS_AutoTagCancelled() : line);
        if (!result.problems().isEmpty()) {
            problems.accept(Bundle.PROBLEMS_AutoTag(result.modelName()),
                    result.problems().stream().map(TaggingProblem::message).toList());
        }
    }

    private void failed(Request r, String reason, BatchUndo partial, List<CaptionText> now) {
        index.settledAll(r.images(), now);
        history.record(partial.description(), partial);
        busy.accept(false);
        status.accept(Bundle.ERR_AutoTag(reason));
        problems.accept(Bundle.ERR_AutoTagTitle(), List.of(reason));
    }
}
