package io.atelier.trainingrun.actions;

import io.atelier.core.project.ProjectLayout;
import io.atelier.project.api.ProjectNodeExtensions;
import io.atelier.trainingrun.runs.RunsTopComponent;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.netbeans.api.project.Project;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/** Runs: the Runs window filtered to this project, from the project node's menu. */
@ActionID(category = "Project", id = "io.atelier.trainingrun.actions.ShowRunsAction")
@ActionRegistration(displayName = "#CTL_ShowRuns")
@ActionReference(path = ProjectNodeExtensions.PROJECT_ACTIONS, position = 510)
@Messages("CTL_ShowRuns=Runs")
public final class ShowRunsAction implements ActionListener {

    private final Project context;

    public ShowRunsAction(Project context) {
        this.context = context;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        ProjectLayout layout = context.getLookup().lookup(ProjectLayout.class);
        if (layout != null) {
            RunsTopComponent.open(layout.root().getFileName().toString());
        }
    }
}
