package io.atelier.tageditor.ui.batch;

import io.atelier.core.caption.BatchPreview;
import io.atelier.core.caption.CaptionChange;
import io.atelier.core.caption.CaptionProblem;
import io.atelier.tageditor.ui.captions.CaptionIndex;
import io.atelier.tageditor.ui.captions.CaptionWriter;
import io.atelier.tageditor.ui.undo.CaptionHistory;
import io.atelier.tageditor.ui.work.ProgressBar;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.openide.util.NbBundle.Messages;

/**
 * Writes a previewed batch edit in the background with a progress bar the user can cancel, then makes it one undo
 * step, however many captions it wrote (a cancelled batch too: what it wrote can be undone). The editor is read-only
 * meanwhile. Event thread only.
 */
@Messages({
    "# {0} - edit", "PROGRESS_Batch=Batch edit: {0}",
    "# {0} - written", "# {1} - edit",
    "STATUS_BatchDone={1}: {0,choice,0#no caption|1#1 caption|1<{0} captions} written",
    "STATUS_BatchCancelled=cancelled, the rest left as it was",
    "# {0} - edit", "PROBLEMS_Batch={0}: these captions were left alone"
})
public final class BatchRunner {

    private final CaptionIndex index;
    private final CaptionWriter writer;
    private final CaptionHistory history;
    private final Consumer<Boolean> busy;
    private final Consumer<String> status;
    private final BiConsumer<String, List<CaptionProblem>> problems;

    /**
     * @param busy     told true when the batch starts and false when it is written
     * @param status   told what the batch did, in one line
     * @param problems told about captions it left alone (changed by another program since the preview)
     */
    public BatchRunner(CaptionIndex index, CaptionWriter writer, CaptionHistory history, Consumer<Boolean> busy,
            Consumer<String> status, BiConsumer<String, List<CaptionProblem>> problems) {
        this.index = index;
        this.writer = writer;
        this.history = history;
        this.busy = busy;
        this.status = status;
        this.problems = problems;
    }

    public void apply(BatchPreview preview) {
        if (preview.changes().isEmpty()) {
            return;
        }
        String what = preview.edit().describe();
        List<Path> images = preview.changes().stream().map(CaptionChange::image).toList();
        ProgressBar bar = new ProgressBar(Bundle.PROGRESS_Batch(what), false);
        bar.start();
        index.writing(images);
        busy.accept(true);
        writer.apply(preview, bar, applied -> {
            bar.finish();
            index.settledAll(images, applied.now());
            history.record(what, applied.result().undo());
            busy.accept(false);
            String line = Bundle.STATUS_BatchDone(applied.result().written(), what);
            status.accept(applied.cancelled() ? line + " \u2014 " + Bundle.STATUS_BatchCancelled() : line);
            if (!applied.result().conflicts().isEmpty()) {
                problems.accept(Bundle.PROBLEMS_Batch(what), applied.result().conflicts());
            }
        });
    }
}
