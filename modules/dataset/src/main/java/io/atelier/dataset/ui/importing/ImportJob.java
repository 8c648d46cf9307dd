package io.atelier.dataset.ui.importing;

import io.atelier.core.project.ProjectLayout;
import io.atelier.dataset.ui.work.BackgroundWork;
import io.atelier.dataset.ui.work.FolderRefresh;
import io.atelier.dataset.ui.work.ProblemList;
import io.atelier.imaging.importing.DatasetImporter;
import io.atelier.imaging.importing.ImportProblem;
import io.atelier.imaging.importing.ImportResult;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.openide.awt.StatusDisplayer;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * Imports files, folders and zip archives into a project's dataset in the background, with a cancellable progress
 * bar. Files that cannot be imported are listed with their reasons at the end; the others are imported.
 */
@Messages({
    "# {0} - project name",
    "PROGRESS_Import=Importing images into {0}",
    "# {0} - images", "# {1} - captions", "# {2} - project",
    "MSG_Imported={0,choice,0#No images|1#1 image|1<{0} images} imported into {2} ({1,choice,0#no captions|1#1 caption|1<{1} captions} came along)",
    "# {0} - images",
    "MSG_ImportCancelled=Import cancelled; {0,choice,0#no images|1#1 image|1<{0} images} imported before that stay",
    "# {0} - number of problems",
    "ERR_ImportProblems={0,choice,1#1 file was|1<{0} files were} not imported:"
})
public final class ImportJob {

    /** One import at a time over all projects: imports compete for the same disk. */
    private static final RequestProcessor RP = new RequestProcessor("Dataset import", 1, true);

    private ImportJob() {
    }

    /** Starts the import; {@code done} gets the result on the EDT (or null when it failed as a whole). */
    public static void start(ProjectLayout layout, String projectName, List<Path> sources, Consumer<ImportResult> done) {
        BackgroundWork.start(RP, Bundle.PROGRESS_Import(projectName), progress -> {
            try {
                return new DatasetImporter().importInto(layout, sources, progress::step, progress::cancelled);
            } finally {
                FolderRefresh.datasetChanged(layout);
            }
        }, result -> {
            report(result, projectName);
            done.accept(result);
        }, () -> done.accept(null));
    }

    private static void report(ImportResult result, String projectName) {
        String summary = result.cancelled()
                ? Bundle.MSG_ImportCancelled(result.imported().size())
                : Bundle.MSG_Imported(result.imported().size(), result.captionsCarried(), projectName);
        StatusDisplayer.getDefault().setStatusText(summary);
        if (!result.problems().isEmpty()) {
            ProblemList.show(summary + ". " + Bundle.ERR_ImportProblems(result.problems().size()),
                    result.problems().stream().map(ImportProblem::toString).toList());
        }
    }
}
