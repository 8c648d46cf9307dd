package io.atelier.project.wizard;

import io.atelier.core.project.LoraProject;
import io.atelier.project.store.StoreService;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.project.Project;
import org.netbeans.api.project.ProjectManager;
import org.netbeans.api.project.ui.OpenProjects;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileUtil;
import org.openide.util.NbBundle.Messages;

@Messages({"# {0} - project name", "TITLE_NotInLibrary=\"{0}\" was created but not added to the LoRA Library"})
/** Registers a freshly created project folder in the library and opens it in the Projects window. */
public final class ProjectOpener {

    private static final Logger LOG = Logger.getLogger(ProjectOpener.class.getName());

    private ProjectOpener() {
    }

    /** Call off the event thread. */
    public static Project registerAndOpen(LoraProject project, Path folder) throws IOException {
        try {
            StoreService.store().projects().register(project, folder);
            StoreService.libraryChanged();
        } catch (StoreException e) {
            // the project folder is complete and opens without the store; StoreService told the user why
            LOG.log(Level.FINE, "store unavailable", e);
        } catch (StoreAccessException e) {
            StoreService.notifyProblem(Bundle.TITLE_NotInLibrary(project.name()), e.getMessage());
        }
        return open(folder);
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
