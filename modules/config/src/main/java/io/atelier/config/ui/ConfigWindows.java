package io.atelier.config.ui;

import io.atelier.project.api.ProjectWindows;
import java.nio.file.Path;
import java.util.Optional;

/** One Config window per project: opening it again brings it to the front, closing the project closes it. Event thread only. */
public final class ConfigWindows {

    private static final ProjectWindows<ConfigTopComponent> WINDOWS = new ProjectWindows<>(ConfigTopComponent.class,
            tc -> tc.project().layout().root(), tc -> tc.project().project());

    private ConfigWindows() {
    }

    /** Opens (or brings to the front) the window of {@code project}. */
    public static ConfigTopComponent open(ConfigProject project) {
        return WINDOWS.open(project.layout().root(), () -> new ConfigTopComponent(project));
    }

    /** The open window of the project in {@code root}, if any. */
    public static Optional<ConfigTopComponent> find(Path root) {
        return WINDOWS.find(root);
    }
}
