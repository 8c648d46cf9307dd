package io.atelier.core.project;

import java.nio.file.Path;

/**
 * Where things live inside a project folder. The dataset layout ({@code 01.png} beside {@code 01.txt})
 * is the one sd-scripts, TagGUI and Civitai read and write.
 */
public record ProjectLayout(Path root) {

    public ProjectLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path descriptor() {
        return ProjectDescriptor.fileIn(root);
    }

    public Path dataset() {
        return root.resolve("dataset");
    }

    /** Untouched originals of every image the app imported or processed. */
    public Path originals() {
        return dataset().resolve(".originals");
    }

    /** Where removed files go instead of being deleted. */
    public Path trash() {
        return root.resolve(".trash");
    }

    public Path runs() {
        return root.resolve("runs");
    }

    /** {@code runs/<run-id>/}: one run's spec, log and the engine's files. */
    public Path run(java.util.UUID runId) {
        return runs().resolve(runId.toString());
    }
}
