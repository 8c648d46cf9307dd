package io.atelier.dataset.ui;

import io.atelier.project.api.ProjectNodeExtensions;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.netbeans.api.project.Project;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/** Opens the project's Dataset window; the default action (double-click) of the project's Dataset node. */
@ActionID(category = "Project", id = "io.atelier.dataset.ui.OpenDatasetAction")
@ActionRegistration(displayName = "#CTL_OpenDataset", iconBase = "io/atelier/dataset/ui/resources/dataset.png")
@ActionReferences({
    @ActionReference(path = ProjectNodeExtensions.DATASET_ACTIONS, position = 100),
    @ActionReference(path = ProjectNodeExtensions.PROJECT_ACTIONS, position = 100)
})
@Messages("CTL_OpenDataset=Open Dataset")
public final class OpenDatasetAction implements ActionListener {

    private final Project context;

    public OpenDatasetAction(Project context) {
        this.context = context;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        DatasetProject.of(context).ifPresent(DatasetWindows::open);
    }
}
