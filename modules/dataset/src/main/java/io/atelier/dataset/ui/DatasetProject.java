package io.atelier.dataset.ui;

import io.atelier.core.project.ProjectLayout;
import java.util.Optional;
import org.netbeans.api.project.Project;
import org.netbeans.api.project.ProjectUtils;

/** A LoRA project as the dataset window sees it: the NetBeans project and the folders it owns. */
public record DatasetProject(Project project, ProjectLayout layout) {

    /** The project's dataset view, or empty when it is not a LoRA project (it has no {@link ProjectLayout}). */
    public static Optional<DatasetProject> of(Project project) {
        ProjectLayout layout = project == null ? null : project.getLookup().lookup(ProjectLayout.class);
        return layout == null ? Optional.empty() : Optional.of(new DatasetProject(project, layout));
    }

    public String displayName() {
        return ProjectUtils.getInformation(project).getDisplayName();
    }
}
