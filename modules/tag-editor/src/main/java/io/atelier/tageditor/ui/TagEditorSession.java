package io.atelier.tageditor.ui;

import io.atelier.core.caption.CaptionProblem;
import io.atelier.tageditor.ui.autotag.AutoTagJob;
import io.atelier.tageditor.ui.autotag.PredictionMarks;
import io.atelier.tageditor.ui.batch.BatchRunner;
import io.atelier.tageditor.ui.captions.CaptionIndex;
import io.atelier.tageditor.ui.captions.CaptionWriter;
import io.atelier.tageditor.ui.captions.ConflictDialog;
import io.atelier.tageditor.ui.complete.SuggestionSource;
import io.atelier.tageditor.ui.editor.CaptionEditing;
import io.atelier.tageditor.ui.undo.CaptionHistory;
import io.atelier.tageditor.ui.work.ProblemDialog;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.openide.awt.UndoRedo;
import org.openide.util.NbBundle.Messages;

/**
 * The non-visual state of one Tag editor window: the captions, their writer and undo history, the editing rules,
 * autocomplete, the model-made tag marks, and the jobs that write many captions. The window lays out views over it.
 * Event thread only.
 */
@Messages({
    "# {0} - what", "PROBLEMS_Undo={0}: these captions were changed by another program since and were left alone",
    "# {0} - reason", "ERR_Write=Caption not saved: {0}",
    "ERR_WriteTitle=A caption could not be saved; it shows what is on disk."
})
final class TagEditorSession {

    final UndoRedo.Manager undo = new UndoRedo.Manager();
    final CaptionIndex index = new CaptionIndex();
    final CaptionWriter writer;
    final CaptionHistory history;
    final CaptionEditing editing;
    final SuggestionSource suggestions;
    final PredictionMarks marks = new PredictionMarks();
    final BatchRunner batches;
    final AutoTagJob autoTag;
    private String trigger;

    /**
     * @param busy   told when a batch or an auto-tag run starts (true) and ends (false)
     * @param status told one line about what a job did, or why a write failed
     */
    TagEditorSession(String project, Consumer<Boolean> busy, Consumer<String> status) {
        writer = new CaptionWriter(TagEditorThreads.writer(project), SwingUtilities::invokeLater);
        history = new CaptionHistory(undo, index, writer, (what, problems) -> ProblemDialog.show(
                Bundle.PROBLEMS_Undo(what), messages(problems)));
        editing = new CaptionEditing(index, writer, history, new ConflictDialog(), reason -> {
            status.accept(Bundle.ERR_Write(reason));
            ProblemDialog.show(Bundle.ERR_WriteTitle(), List.of(reason));
        });
        suggestions = new SuggestionSource(index);
        batches = new BatchRunner(index, writer, history, busy, status,
                (what, problems) -> ProblemDialog.show(what, messages(problems)));
        autoTag = new AutoTagJob(index, writer, history, marks, SwingUtilities::invokeLater, busy, status,
                ProblemDialog::show);
    }

    /** The project's trigger word, or null when {@code atelier.json} cannot be read. */
    String trigger() {
        return trigger;
    }

    void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    private static List<String> messages(List<CaptionProblem> problems) {
        return problems.stream().map(CaptionProblem::message).toList();
    }
}
