package io.atelier.dataset.ui;

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
 * One Dataset window per project: opening a project's dataset again brings its window to the front, and closing
 * the project closes its window. Event thread only.
 */
public final class DatasetWindows {

    private static boolean listening;

    private DatasetWindows() {
    }

    /** Opens (or brings to the front) the Dataset window of {@code project}. */
    public static DatasetTopComponent open(DatasetProject project) {
        DatasetTopComponent tc = find(project.layout().root()).orElse(null);
        if (tc == null) {
            tc = new DatasetTopComponent(project);
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

    /** The open Dataset window of the project in {@code root}, if any. */
    public static Optional<DatasetTopComponent> find(Path root) {
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof DatasetTopComponent d && d.project().layout().root().equals(root)) {
                return Optional.of(d);
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
                WindowManager.getDefault().invokeWhenUIReady(DatasetWindows::closeOrphans);
            }
        });
    }

    private static void closeOrphans() {
        Set<Project> open = Arrays.stream(OpenProjects.getDefault().getOpenProjects()).collect(Collectors.toSet());
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof DatasetTopComponent d && !open.contains(d.project().project())) {
                d.close();
            }
        }
    }
}
