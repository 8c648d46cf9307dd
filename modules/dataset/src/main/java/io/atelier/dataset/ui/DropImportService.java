package io.atelier.dataset.ui;

import io.atelier.project.api.DatasetDropHandler;
import java.nio.file.Path;
import java.util.List;
import org.netbeans.api.project.Project;
import org.openide.util.lookup.ServiceProvider;

/** Files dropped from the desktop on a LoRA project or its Dataset node are imported, as by Import Images…. */
@ServiceProvider(service = DatasetDropHandler.class)
public final class DropImportService implements DatasetDropHandler {

    @Override
    public void importFiles(Project project, List<Path> files) {
        DatasetProject.of(project).ifPresent(p -> ImportImagesAction.importFiles(p, files));
    }
}
