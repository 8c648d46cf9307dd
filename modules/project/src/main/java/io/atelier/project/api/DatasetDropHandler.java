package io.atelier.project.api;

import java.nio.file.Path;
import java.util.List;
import org.netbeans.api.project.Project;

/**
 * Imports files dropped from the desktop onto a LoRA project's nodes into its dataset. Registered by the dataset
 * module with {@code @ServiceProvider}; the project nodes accept file drops only while one is registered.
 */
public interface DatasetDropHandler {

    /**
     * Starts importing {@code files} (images, folders, zip archives) into the project's {@code dataset/}. Called on
     * the event thread; the work itself must run in the background.
     */
    void importFiles(Project project, List<Path> files);
}
