package io.atelier.tageditor.ui;

import io.atelier.project.api.ProjectWindows;
import java.nio.file.Path;
import java.util.Optional;

/** One Tag editor window per project: opening it again brings it to the front, closing the project closes it. Event thread only. */
public final class TagEditorWindows {

    private static final ProjectWindows<TagEditorTopComponent> WINDOWS = new ProjectWindows<>(TagEditorTopComponent.class,
            tc -> tc.project().layout().root(), tc -> tc.project().project());

    private TagEditorWindows() {
    }

    /** Opens (or brings to the front) the window of {@code project}. */
    public static TagEditorTopComponent open(TagProject project) {
        return WINDOWS.open(project.layout().root(), () -> new TagEditorTopComponent(project));
    }

    /** The open window of the project in {@code root}, if any. */
    public static Optional<TagEditorTopComponent> find(Path root) {
        return WINDOWS.find(root);
    }
}
