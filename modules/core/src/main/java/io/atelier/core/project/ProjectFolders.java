package io.atelier.core.project;

import io.atelier.core.io.Folders;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates project folders and checks that a folder can take one. */
public final class ProjectFolders {

    private ProjectFolders() {
    }

    /**
     * Creates the project folder (or uses an existing one that is not yet a project), its
     * {@code dataset/} and {@code runs/} folders, and writes {@code atelier.json}.
     */
    public static ProjectLayout create(Path dir, LoraProject project) throws IOException {
        ProjectLayout layout = new ProjectLayout(dir);
        Path root = layout.root();
        if (ProjectDescriptor.isProjectFolder(root)) {
            throw new IOException(root + " is already a LoRA project (it has an " + ProjectDescriptor.FILE_NAME
                    + "); open it instead");
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException(root + " is a file, not a folder");
        }
        Path existingAncestor = Folders.nearestExisting(root);
        if (existingAncestor != null) {
            requireWritable(existingAncestor);
        }
        try {
            Files.createDirectories(layout.dataset());
            Files.createDirectories(layout.runs());
            ProjectDescriptor.write(root, project);
        } catch (AccessDeniedException e) {
            throw new IOException("Cannot write in " + e.getFile() + ": permission denied", e);
        } catch (FileSystemException e) {
            throw new IOException("Cannot create the project in " + root + ": " + e.getReason(), e);
        }
        return layout;
    }

    /** Refuses a folder that is read-only, naming it. */
    public static void requireWritable(Path dir) throws IOException {
        if (!Folders.isWritable(dir)) {
            throw new IOException(dir + " is read-only; choose another folder or make it writable");
        }
    }
}
