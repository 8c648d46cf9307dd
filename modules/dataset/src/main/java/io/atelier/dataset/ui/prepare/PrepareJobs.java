package io.atelier.dataset.ui.prepare;

import io.atelier.core.project.ProjectLayout;
import io.atelier.dataset.ui.work.BackgroundWork;
import io.atelier.dataset.ui.work.FolderRefresh;
import io.atelier.dataset.ui.work.ProblemList;
import io.atelier.imaging.prepare.DatasetPreparer;
import io.atelier.imaging.prepare.PrepareOptions;
import io.atelier.imaging.prepare.PrepareResult;
import io.atelier.imaging.prepare.UndoResult;
import io.atelier.imaging.report.FileProblem;
import java.util.ArrayList;
import java.util.List;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.awt.StatusDisplayer;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/** Prepare and Undo Prepare: asks for the options, runs in the background, reports what happened per file. */
@Messages({
    "# {0} - project name",
    "TITLE_Prepare=Prepare Dataset \u2014 {0}",
    "BTN_Prepare=Prepare",
    "# {0} - project name",
    "PROGRESS_Prepare=Preparing the dataset of {0}",
    "# {0} - project name",
    "PROGRESS_Undo=Undoing Prepare in {0}",
    "# {0} - images", "# {1} - long side", "# {2} - upscaled",
    "MSG_Prepared={0} images prepared at {1} px ({2} enlarged)",
    "# {0} - long side",
    "MSG_AlreadyPrepared=The dataset is already prepared at {0} px in this format: nothing to do",
    "MSG_PrepareCancelled=Prepare cancelled before the dataset was changed; Prepare again resumes",
    "# {0} - images",
    "MSG_Undone=Prepare undone: {0} originals are back",
    "MSG_UndoCancelled=Undo Prepare stopped; Undo Prepare again finishes it",
    "# {0} - summary",
    "MSG_WithProblems={0}. Some files need attention:"
})
public final class PrepareJobs {

    private PrepareJobs() {
    }

    /** Asks for the options (on the EDT), then prepares; {@code done} runs on the EDT either way. */
    public static void prepare(RequestProcessor rp, ProjectLayout layout, String projectName, int images, Runnable done) {
        PrepareForm form = new PrepareForm(images);
        Object start = Bundle.BTN_Prepare();
        DialogDescriptor d = new DialogDescriptor(form, Bundle.TITLE_Prepare(projectName), true,
                new Object[]{start, DialogDescriptor.CANCEL_OPTION}, start, DialogDescriptor.DEFAULT_ALIGN, null, null);
        if (DialogDisplayer.getDefault().notify(d) != start) {
            return;
        }
        PrepareOptions options = form.options();
        BackgroundWork.start(rp, Bundle.PROGRESS_Prepare(projectName), progress -> {
            try {
                return new DatasetPreparer().prepare(layout, options, progress::step, progress::cancelled);
            } finally {
                FolderRefresh.datasetChanged(layout);
            }
        }, result -> {
            report(result, options);
            done.run();
        }, done);
    }

    private static void report(PrepareResult r, PrepareOptions options) {
        String summary;
        if (r.cancelled()) {
            summary = Bundle.MSG_PrepareCancelled();
        } else if (r.alreadyPrepared()) {
            summary = Bundle.MSG_AlreadyPrepared(String.valueOf(options.longSide()));
        } else {
            summary = Bundle.MSG_Prepared(r.prepared().size(), String.valueOf(options.longSide()), r.upscaled());
        }
        StatusDisplayer.getDefault().setStatusText(summary);
        List<FileProblem> all = new ArrayList<>(r.problems());
        all.addAll(r.notes());
        showProblems(summary, all);
    }

    /** Undoes the last Prepare; {@code done} runs on the EDT either way. */
    public static void undo(RequestProcessor rp, ProjectLayout layout, String projectName, Runnable done) {
        BackgroundWork.start(rp, Bundle.PROGRESS_Undo(projectName), progress -> {
            try {
                return new DatasetPreparer().undo(layout, progress::step, progress::cancelled);
            } finally {
                FolderRefresh.datasetChanged(layout);
            }
        }, (UndoResult r) -> {
            String summary = r.cancelled() ? Bundle.MSG_UndoCancelled() : Bundle.MSG_Undone(r.restored());
            StatusDisplayer.getDefault().setStatusText(summary);
            showProblems(summary, r.problems());
            done.run();
        }, done);
    }

    private static void showProblems(String summary, List<FileProblem> problems) {
        if (!problems.isEmpty()) {
            ProblemList.show(Bundle.MSG_WithProblems(summary),
                    problems.stream().map(p -> p.file() + ": " + p.message()).toList());
        }
    }
}
