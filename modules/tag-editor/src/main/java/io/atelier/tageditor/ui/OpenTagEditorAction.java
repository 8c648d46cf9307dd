package io.atelier.tageditor.ui;

import io.atelier.project.api.ProjectNodeExtensions;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.netbeans.api.project.Project;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/**
 * Opens the project's Tag editor: the default action (double-click) of the project's Captions node, and in the menus
 * of the project and its Dataset node.
 */
@ActionID(category = "Project", id = "io.atelier.tageditor.ui.OpenTagEditorAction")
@ActionRegistration(displayName = "#CTL_OpenTagEditor", iconBase = "io/atelier/tageditor/ui/resources/tags.png")
@ActionReferences({
    @ActionReference(path = ProjectNodeExtensions.CAPTIONS_ACTIONS, position = 100),
    @ActionReference(path = ProjectNodeExtensions.DATASET_ACTIONS, position = 300),
    @ActionReference(path = ProjectNodeExtensions.PROJECT_ACTIONS, position = 150)
})
@Messages("CTL_OpenTagEditor=Edit Tags")
public final class OpenTagEditorAction implements ActionListener {

    private final Project context;

    public OpenTagEditorAction(Project context) {
        this.context = context;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        TagProject.of(context).ifPresent(TagEditorWindows::open);
    }
}
