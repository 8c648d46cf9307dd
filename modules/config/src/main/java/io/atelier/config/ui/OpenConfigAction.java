package io.atelier.config.ui;

import io.atelier.project.api.ProjectNodeExtensions;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.netbeans.api.project.Project;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/** Opens the project's Config window, from the project node's menu. */
@ActionID(category = "Project", id = "io.atelier.config.ui.OpenConfigAction")
@ActionRegistration(displayName = "#CTL_OpenConfig")
@ActionReference(path = ProjectNodeExtensions.PROJECT_ACTIONS, position = 400)
@Messages("CTL_OpenConfig=Training Config")
public final class OpenConfigAction implements ActionListener {

    private final Project context;

    public OpenConfigAction(Project context) {
        this.context = context;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        ConfigProject.of(context).ifPresent(ConfigWindows::open);
    }
}
