package io.atelier.project.type;

import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectDescriptorException;
import io.atelier.core.project.ProjectLayout;
import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.io.File;
import java.util.Optional;
import org.netbeans.api.project.Project;
import org.netbeans.spi.project.ProjectState;
import org.openide.filesystems.FileAttributeEvent;
import org.openide.filesystems.FileChangeAdapter;
import org.openide.filesystems.FileEvent;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileRenameEvent;
import org.openide.filesystems.FileUtil;
import org.openide.util.Lookup;
import org.openide.util.lookup.Lookups;

/**
 * A LoRA project opened in the IDE. Its identity comes from {@code atelier.json}; a hand-edited file
 * that no longer parses does not stop the project from opening: the project shows the problem instead.
 */
public final class LoraProjectImpl implements Project {

    public static final String PROP_DESCRIPTOR = "descriptor";

    private final FileObject dir;
    private final ProjectLayout layout;
    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private final Lookup lookup;
    private volatile LoraProject descriptor;
    private volatile String problem;

    LoraProjectImpl(FileObject dir, ProjectState state) {
        this.dir = dir;
        this.layout = new ProjectLayout(FileUtil.toFile(dir).toPath());
        reload();
        this.lookup = Lookups.fixed(this, layout, new LoraProjectInformation(this),
                new LoraLogicalView(this), new ProjectRegistrationHook(this));
        dir.addFileChangeListener(new FileChangeAdapter() {
            @Override
            public void fileChanged(FileEvent fe) {
                reloadIfDescriptor(fe.getFile());
            }

            @Override
            public void fileDataCreated(FileEvent fe) {
                reloadIfDescriptor(fe.getFile());
            }

            @Override
            public void fileDeleted(FileEvent fe) {
                reloadIfDescriptor(fe.getFile());
            }

            @Override
            public void fileRenamed(FileRenameEvent fe) {
                reload();
            }

            @Override
            public void fileAttributeChanged(FileAttributeEvent fe) {
                // attributes do not affect the descriptor
            }
        });
    }

    private void reloadIfDescriptor(FileObject f) {
        if (ProjectDescriptor.FILE_NAME.equals(f.getNameExt())) {
            reload();
        }
    }

    private void reload() {
        try {
            descriptor = ProjectDescriptor.read(layout.root());
            problem = null;
        } catch (ProjectDescriptorException e) {
            problem = e.getMessage();
        }
        changes.firePropertyChange(PROP_DESCRIPTOR, null, null);
    }

    @Override
    public FileObject getProjectDirectory() {
        return dir;
    }

    @Override
    public Lookup getLookup() {
        return lookup;
    }

    public ProjectLayout layout() {
        return layout;
    }

    /** The project's identity, or empty while {@code atelier.json} cannot be read (see {@link #problem()}). */
    public Optional<LoraProject> descriptor() {
        return problem == null ? Optional.ofNullable(descriptor) : Optional.empty();
    }

    /** Why {@code atelier.json} cannot be read, or empty when it is fine. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public String displayName() {
        return descriptor().map(LoraProject::name).orElse(new File(layout.root().toString()).getName());
    }

    public void addPropertyChangeListener(PropertyChangeListener l) {
        changes.addPropertyChangeListener(l);
    }

    public void removePropertyChangeListener(PropertyChangeListener l) {
        changes.removePropertyChangeListener(l);
    }
}
