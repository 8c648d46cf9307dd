package io.atelier.core.compare;

import java.nio.file.Path;
import java.util.UUID;

/**
 * How a compared run is named in the legend, the table header and the exports: "project · base model · short id", so
 * runs of several projects and base models stay apart at a glance.
 */
public final class RunLabel {

    private RunLabel() {
    }

    public static String of(Path projectFolder, Path baseModel, UUID id) {
        return fileName(projectFolder) + " \u00b7 " + withoutExtension(fileName(baseModel)) + " \u00b7 " + shortId(id);
    }

    /** The first 8 hex digits: what the Runs window and the library show too. */
    public static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
