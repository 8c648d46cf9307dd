package io.atelier.config.ui;

import java.beans.PropertyChangeEvent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.netbeans.api.project.Project;
import org.netbeans.api.project.ui.OpenProjects;
import org.openide.windows.Mode;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * One Config window per project: opening it again brings it to the front, closing the project closes it.
 * Event thread only.
 */
public final class ConfigWindows {

    private static boolean listening;

    private ConfigWindows() {
    }

    /** Opens (or brings to the front) the Config window of {@code project}. */
    public static ConfigTopComponent open(ConfigProject project) {
        ConfigTopComponent tc = find(project.layout().root()).orElse(null);
        if (tc == null) {
            tc = new ConfigTopComponent(project);
            Mode editor = WindowManager.getDefault().findMode("editor");
            if (editor != null) {
                editor.dockInto(tc);
            }
            tc.open();
            closeWithTheirProjects();
        }
        tc.requestActive();
        return tc;
    }

    /** The open Config window of the project in {@code root}, if any. */
    public static Optional<ConfigTopComponent> find(Path root) {
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof ConfigTopComponent t && t.project().layout().root().equals(root)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static void closeWithTheirProjects() {
        if (listening) {
            return;
        }
        listening = true;
        OpenProjects.getDefault().addPropertyChangeListener((PropertyChangeEvent e) -> {
            if (OpenProjects.PROPERTY_OPEN_PROJECTS.equals(e.getPropertyName())) {
                WindowManager.getDefault().invokeWhenUIReady(ConfigWindows::closeOrphans);
            }
        });
    }

    private static void closeOrphans() {
        Set<Project> open = Arrays.stream(OpenProjects.getDefault().getOpenProjects()).collect(Collectors.toSet());
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof ConfigTopComponent t && !open.contains(t.project().project())) {
                t.close();
            }
        }
    }
}
