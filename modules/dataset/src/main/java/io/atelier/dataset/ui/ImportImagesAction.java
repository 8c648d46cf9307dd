package io.atelier.dataset.ui;

import io.atelier.dataset.ui.importing.ImportJob;
import io.atelier.project.api.ProjectNodeExtensions;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.netbeans.api.project.Project;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.awt.ActionRegistration;
import org.openide.filesystems.FileChooserBuilder;
import org.openide.util.NbBundle.Messages;

/**
 * Import Images…: images, folders and zip archives chosen in a file dialog go into the project's dataset; the
 * Dataset window opens on them.
 */
@ActionID(category = "Project", id = "io.atelier.dataset.ui.ImportImagesAction")
@ActionRegistration(displayName = "#CTL_ImportImages")
@ActionReferences({
    @ActionReference(path = ProjectNodeExtensions.DATASET_ACTIONS, position = 200),
    @ActionReference(path = ProjectNodeExtensions.PROJECT_ACTIONS, position = 200)
})
@Messages({
    "CTL_ImportImages=Import Images\u2026",
    "# {0} - project name",
    "TITLE_Import=Import Images into {0}",
    "BTN_ImportChosen=Import",
    "LBL_ImportFilter=Images, folders and zip archives"
})
public final class ImportImagesAction implements ActionListener {

    private final Project context;

    public ImportImagesAction(Project context) {
        this.context = context;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        DatasetProject.of(context).ifPresent(ImportImagesAction::chooseAndImport);
    }

    /** Asks for files and imports them; the Dataset window then shows the project (and selects what came in). */
    static void chooseAndImport(DatasetProject project) {
        File[] chosen = new FileChooserBuilder(ImportImagesAction.class)
                .setTitle(Bundle.TITLE_Import(project.displayName()))
                .setApproveText(Bundle.BTN_ImportChosen())
                .setFilesOnly(false)
                .setFileFilter(new FileNameExtensionFilter(Bundle.LBL_ImportFilter(),
                        "png", "jpg", "jpeg", "webp", "bmp", "gif", "tif", "tiff", "zip"))
                .showMultiOpenDialog();
        if (chosen != null && chosen.length > 0) {
            importFiles(project, Arrays.stream(chosen).map(File::toPath).toList());
        }
    }

    static void importFiles(DatasetProject project, List<Path> files) {
        ImportJob.start(project.layout(), project.displayName(), files, result -> {
            if (result != null && !result.imported().isEmpty()) {
                DatasetWindows.open(project).selectAfterRefresh(
                        result.imported().stream().map(f -> f.image()).toList());
            }
        });
    }
}
