package io.atelier.dataset.ui;

import io.atelier.project.api.ProjectWindows;
import java.nio.file.Path;
import java.util.Optional;

/** One Dataset window per project: opening it again brings it to the front, closing the project closes it. Event thread only. */
public final class DatasetWindows {

    private static final ProjectWindows<DatasetTopComponent> WINDOWS = new ProjectWindows<>(DatasetTopComponent.class,
            tc -> tc.project().layout().root(), tc -> tc.project().project());

    private DatasetWindows() {
    }

    /** Opens (or brings to the front) the window of {@code project}. */
    public static DatasetTopComponent open(DatasetProject project) {
        return WINDOWS.open(project.layout().root(), () -> new DatasetTopComponent(project));
    }

    /** The open window of the project in {@code root}, if any. */
    public static Optional<DatasetTopComponent> find(Path root) {
        return WINDOWS.find(root);
    }
}
