package io.atelier.project.type;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import javax.swing.Icon;
import org.netbeans.api.project.Project;
import org.netbeans.api.project.ProjectInformation;
import org.openide.util.ImageUtilities;

/** Name and icon of a LoRA project, as the Projects window and dialogs show them. */
final class LoraProjectInformation implements ProjectInformation {

    private final LoraProjectImpl project;
    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);

    LoraProjectInformation(LoraProjectImpl project) {
        this.project = project;
        project.addPropertyChangeListener(e -> changes.firePropertyChange(PROP_DISPLAY_NAME, null, null));
    }

    @Override
    public String getName() {
        return project.getProjectDirectory().getName();
    }

    @Override
    public String getDisplayName() {
        return project.displayName();
    }

    @Override
    public Icon getIcon() {
        return ImageUtilities.loadImageIcon(LoraProjectFactory.ICON, false);
    }

    @Override
    public Project getProject() {
        return project;
    }

    @Override
    public void addPropertyChangeListener(PropertyChangeListener l) {
        changes.addPropertyChangeListener(l);
    }

    @Override
    public void removePropertyChangeListener(PropertyChangeListener l) {
        changes.removePropertyChangeListener(l);
    }
}
