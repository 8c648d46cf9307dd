package io.atelier.project.wizard;

import java.io.IOException;
import java.nio.file.Path;
import org.netbeans.api.project.Project;
import org.netbeans.api.project.ProjectManager;
import org.netbeans.api.project.ui.OpenProjects;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileUtil;

/**
 * Opens project folders in the Projects window. Opening registers the project in the library (the project's
 * opened hook does that), so a freshly created project needs nothing more.
 */
public final class ProjectOpener {

    private ProjectOpener() {
    }

    /** Opens an existing project folder in the Projects window. */
    public static Project open(Path folder) throws IOException {
        FileObject dir = FileUtil.toFileObject(FileUtil.normalizeFile(folder.toFile()));
        if (dir == null) {
            throw new IOException(folder + " does not exist");
        }
        Project p = ProjectManager.getDefault().findProject(dir);
        if (p == null) {
            throw new IOException(folder + " is not a LoRA project (no atelier.json)");
        }
        OpenProjects.getDefault().open(new Project[]{p}, false, true);
        ProjectsFolder.remember(folder.toAbsolutePath().getParent());
        return p;
    }
}
