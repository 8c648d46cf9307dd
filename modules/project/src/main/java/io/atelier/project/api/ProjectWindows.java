package io.atelier.project.api;

import java.beans.PropertyChangeEvent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.netbeans.api.project.Project;
import org.netbeans.api.project.ui.OpenProjects;
import org.openide.windows.Mode;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * One window of a kind per project (Dataset, Tags, Config): opening it again brings it to the front, closing the
 * project closes it. Event thread only.
 *
 * @param <T> the window class
 */
public final class ProjectWindows<T extends TopComponent> {

    private final Class<T> type;
    private final Function<T, Path> rootOf;
    private final Function<T, Project> projectOf;
    private boolean listening;

    /**
     * @param rootOf    the project folder a window shows
     * @param projectOf the NetBeans project a window belongs to
     */
    public ProjectWindows(Class<T> type, Function<T, Path> rootOf, Function<T, Project> projectOf) {
        this.type = type;
        this.rootOf = rootOf;
        this.projectOf = projectOf;
    }

    /** Brings the window of the project in {@code root} to the front, making it with {@code create} first if none. */
    public T open(Path root, Supplier<T> create) {
        T tc = find(root).orElse(null);
        if (tc == null) {
            tc = create.get();
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

    /** The open window of the project in {@code root}, if any. */
    public Optional<T> find(Path root) {
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (type.isInstance(tc) && rootOf.apply(type.cast(tc)).equals(root)) {
                return Optional.of(type.cast(tc));
            }
        }
        return Optional.empty();
    }

    private void closeWithTheirProjects() {
        if (listening) {
            return;
        }
        listening = true;
        OpenProjects.getDefault().addPropertyChangeListener((PropertyChangeEvent e) -> {
            if (OpenProjects.PROPERTY_OPEN_PROJECTS.equals(e.getPropertyName())) {
                WindowManager.getDefault().invokeWhenUIReady(this::closeOrphans);
            }
        });
    }

    private void closeOrphans() {
        Set<Project> open = Arrays.stream(OpenProjects.getDefault().getOpenProjects()).collect(Collectors.toSet());
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (type.isInstance(tc) && !open.contains(projectOf.apply(type.cast(tc)))) {
                tc.close();
            }
        }
    }
}
