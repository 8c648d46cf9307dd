package io.atelier.config.ui;

import io.atelier.core.project.ProjectLayout;
import java.util.Optional;
import org.netbeans.api.project.Project;
import org.netbeans.api.project.ProjectUtils;

/** A LoRA project as the Config window sees it: the NetBeans project and its folders. */
public record ConfigProject(Project project, ProjectLayout layout) {

    /** The project's view, or empty when it is not a LoRA project (it has no {@link ProjectLayout}). */
    public static Optional<ConfigProject> of(Project project) {
        ProjectLayout layout = project == null ? null : project.getLookup().lookup(ProjectLayout.class);
        return layout == null ? Optional.empty() : Optional.of(new ConfigProject(project, layout));
    }

    public String displayName() {
        return ProjectUtils.getInformation(project).getDisplayName();
    }
}
