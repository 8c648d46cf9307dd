package io.atelier.project.type;

import io.atelier.core.project.ProjectDescriptor;
import java.io.IOException;
import javax.swing.ImageIcon;
import org.netbeans.api.project.Project;
import org.netbeans.api.project.ProjectManager;
import org.netbeans.spi.project.ProjectFactory;
import org.netbeans.spi.project.ProjectFactory2;
import org.netbeans.spi.project.ProjectState;
import org.openide.filesystems.FileObject;
import org.openide.util.ImageUtilities;
import org.openide.util.lookup.ServiceProvider;

/** Recognises a folder with an {@code atelier.json} as a LoRA project. */
@ServiceProvider(service = ProjectFactory.class)
public final class LoraProjectFactory implements ProjectFactory2 {

    static final String ICON = "io/atelier/project/resources/project.png";

    @Override
    public ProjectManager.Result isProject2(FileObject dir) {
        if (!isProject(dir)) {
            return null;
        }
        ImageIcon icon = ImageUtilities.loadImageIcon(ICON, false);
        return new ProjectManager.Result(dir.getNameExt(), "io-atelier-lora", icon);
    }

    @Override
    public boolean isProject(FileObject dir) {
        FileObject descriptor = dir.getFileObject(ProjectDescriptor.FILE_NAME);
        return descriptor != null && descriptor.isData();
    }

    @Override
    public Project loadProject(FileObject dir, ProjectState state) throws IOException {
        return isProject(dir) ? new LoraProjectImpl(dir, state) : null;
    }

    @Override
    public void saveProject(Project project) {
        // atelier.json is written at once whenever it changes; nothing is held back for saving
    }
}
