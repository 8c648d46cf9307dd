package io.atelier.project.wizard;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.openide.util.NbPreferences;

/**
 * Where new LoRA projects are created by default: the folder of the last project created or opened,
 * at first {@code ~/LoRA Projects}.
 */
public final class ProjectsFolder {

    private static final String KEY = "projectsFolder";

    private ProjectsFolder() {
    }

    public static Path get() {
        String def = Path.of(System.getProperty("user.home"), "LoRA Projects").toString();
        return Path.of(prefs().get(KEY, def));
    }

    static void remember(Path folder) {
        prefs().put(KEY, folder.toAbsolutePath().toString());
    }

    private static Preferences prefs() {
        return NbPreferences.forModule(ProjectsFolder.class);
    }
}
