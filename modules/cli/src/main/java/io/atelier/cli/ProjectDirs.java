package io.atelier.cli;

import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project folder a command names. */
final class ProjectDirs {

    private ProjectDirs() {
    }

    /** The folder's layout, or one clear line when {@code dir} is not a LoRA project folder. */
    static ProjectLayout layout(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new CliFailure(folder + " does not exist or is not a folder");
        }
        if (!ProjectDescriptor.isProjectFolder(folder)) {
            throw new CliFailure(folder + " is not a LoRA project folder (no " + ProjectDescriptor.FILE_NAME + ")");
        }
        return new ProjectLayout(folder);
    }
}
