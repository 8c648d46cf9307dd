package io.atelier.gallery.grid;

import io.atelier.core.project.ProjectLayout;
import io.atelier.project.api.ProjectNodeExtensions;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.netbeans.api.project.Project;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/** Gallery: the epoch gallery of the project's newest run with samples, from the project node's menu. */
@ActionID(category = "Project", id = "io.atelier.gallery.grid.OpenGalleryAction")
@ActionRegistration(displayName = "#CTL_OpenGallery")
@ActionReference(path = ProjectNodeExtensions.PROJECT_ACTIONS, position = 520)
@Messages("CTL_OpenGallery=Gallery")
public final class OpenGalleryAction implements ActionListener {

    private final Project context;

    public OpenGalleryAction(Project context) {
        this.context = context;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        ProjectLayout layout = context.getLookup().lookup(ProjectLayout.class);
        if (layout != null) {
            GalleryTopComponent.openFor(layout.root());
        }
    }
}
