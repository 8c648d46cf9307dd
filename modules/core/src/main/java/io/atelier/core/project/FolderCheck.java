package io.atelier.core.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * A registered project checked against its folder: the library's way of noticing folders that were deleted,
 * moved, replaced by another project, or whose {@code atelier.json} was broken by hand, without failing.
 *
 * @param state   OK, MISSING (folder gone, moved or holding another project) or BROKEN (descriptor unreadable)
 * @param problem what is wrong, in one line naming the folder or file; null when OK
 * @param onDisk  the descriptor as read from the folder; null unless OK
 * @param stats   counts from the folder; empty unless OK
 */
public record FolderCheck(State state, String problem, LoraProject onDisk, ProjectStats stats) {

    public enum State { OK, MISSING, BROKEN }

    /** Reads only the descriptor and the folder listings. */
    public static FolderCheck of(UUID expectedId, Path folder) {
        ProjectLayout layout = new ProjectLayout(folder);
        if (!Files.isDirectory(layout.root())) {
            return failed(State.MISSING, layout.root() + " no longer exists (deleted or moved)");
        }
        try {
            LoraProject project = ProjectDescriptor.read(layout.root());
            if (!project.id().equals(expectedId)) {
                return failed(State.MISSING, layout.root() + " now holds another project (\"" + project.name() + "\")");
            }
            return new FolderCheck(State.OK, null, project, ProjectStats.scan(layout));
        } catch (ProjectDescriptorException e) {
            return failed(State.BROKEN, e.getMessage());
        } catch (IOException e) {
            return failed(State.BROKEN, layout.root() + ": cannot be read (" + e + ")");
        } catch (UncheckedIOException e) {
            // a folder listing that fails half-way
            return failed(State.BROKEN, layout.root() + ": cannot be read (" + e.getCause() + ")");
        }
    }

    public Optional<LoraProject> project() {
        return Optional.ofNullable(onDisk);
    }

    private static FolderCheck failed(State state, String problem) {
        return new FolderCheck(state, problem, null, ProjectStats.EMPTY);
    }
}
