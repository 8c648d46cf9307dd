package io.atelier.trainingrun.watch;

import io.atelier.store.StoredRun;
import java.nio.file.Path;
import java.util.UUID;

/** How a run is named in titles, tabs and notifications: the project folder's name and the run's short id. */
public final class RunNames {

    private RunNames() {
    }

    public static String of(StoredRun run) {
        return project(run.projectFolder()) + " (" + shortId(run.id()) + ")";
    }

    public static String project(Path folder) {
        Path name = folder.getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    public static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }
}
