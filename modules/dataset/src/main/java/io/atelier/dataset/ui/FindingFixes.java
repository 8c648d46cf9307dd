package io.atelier.dataset.ui;

import io.atelier.core.io.AtomicFiles;
import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectDescriptorException;
import io.atelier.core.project.ProjectStats;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.report.CaptionDialog;
import io.atelier.dataset.ui.report.Finding;
import io.atelier.dataset.ui.report.FindingsPanel;
import io.atelier.dataset.ui.report.Fix;
import io.atelier.dataset.ui.report.SystemEditor;
import io.atelier.dataset.ui.work.FolderRefresh;
import io.atelier.dataset.ui.work.ProblemList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.openide.util.NbBundle.Messages;

/** What the fix buttons beside a finding do to the image shown: trash it, open it in an editor, keep it, caption it. */
@Messages({
    "# {0} - file", "# {1} - reason",
    "ERR_Open=Cannot open {0}: {1}",
    "# {0} - file", "# {1} - reason",
    "ERR_Caption=Cannot write the caption {0}: {1}"
})
final class FindingFixes implements FindingsPanel.FixHandler {

    private static final Logger LOG = Logger.getLogger(FindingFixes.class.getName());

    private final DatasetProject project;
    private final Supplier<DatasetImage> shown;
    private final Consumer<List<DatasetImage>> trash;
    private final QualityController quality;
    private final Runnable captionChanged;

    FindingFixes(DatasetProject project, Supplier<DatasetImage> shown, Consumer<List<DatasetImage>> trash,
            QualityController quality, Runnable captionChanged) {
        this.project = project;
        this.shown = shown;
        this.trash = trash;
        this.quality = quality;
        this.captionChanged = captionChanged;
    }

    @Override
    public void apply(Fix fix, Finding finding) {
        DatasetImage image = shown.get();
        if (image == null) {
            return;
        }
        switch (fix) {
            case TRASH -> trash.accept(List.of(image));
            case OPEN_IN_EDITOR -> openInEditor(image);
            case KEEP -> quality.keep(image.name(), finding.kind());
            case WRITE_CAPTION -> writeCaption(image);
        }
    }

    private static void openInEditor(DatasetImage image) {
        DatasetThreads.IO.post(() -> {
            try {
                SystemEditor.open(image.file());
            } catch (IOException e) {
                LOG.log(Level.FINE, "system editor", e);
                ProblemList.showMessage(Bundle.ERR_Open(image.name(), e.getMessage()));
            }
        });
    }

    /** Asks for the caption (starting with the trigger word), writes it atomically, clears the finding. */
    private void writeCaption(DatasetImage image) {
        String text = CaptionDialog.ask(image.name(), triggerWord());
        if (text == null) {
            return;
        }
        Path caption = ProjectStats.captionOf(image.file());
        DatasetThreads.IO.post(() -> {
            try {
                AtomicFiles.write(caption, text.getBytes(StandardCharsets.UTF_8));
                FolderRefresh.datasetChanged(project.layout());
                SwingUtilities.invokeLater(() -> {
                    quality.captionWritten(image.name());
                    captionChanged.run();
                });
            } catch (IOException e) {
                LOG.log(Level.INFO, "caption not written", e);
                ProblemList.showMessage(Bundle.ERR_Caption(caption.getFileName(), e.getMessage()));
            }
        });
    }

    /** The project's trigger word; a descriptor read, as cheap as the window's title. */
    private String triggerWord() {
        try {
            return ProjectDescriptor.read(project.layout().root()).triggerWord();
        } catch (ProjectDescriptorException e) {
            LOG.log(Level.FINE, "no trigger word for the caption", e);
            return null;
        }
    }
}
