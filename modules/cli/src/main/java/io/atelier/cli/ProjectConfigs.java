package io.atelier.cli;

import io.atelier.core.params.ProjectConfig;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectLayout;
import java.io.IOException;

/** A project folder's descriptor and training configuration, read for one command. */
record ProjectConfigs(ProjectLayout layout, LoraProject project, ProjectConfig config) {

    static ProjectConfigs read(java.nio.file.Path dir) {
        ProjectLayout layout = ProjectDirs.layout(dir);
        try {
            LoraProject project = ProjectDescriptor.read(layout.root());
            return new ProjectConfigs(layout, project, ProjectConfig.read(layout, project));
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }
}
