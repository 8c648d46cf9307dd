package io.atelier.core.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Names for a file that must not overwrite one already there: {@code a.png}, else {@code a-2.png}, {@code a-3.png}... */
public final class FreeName {

    private FreeName() {
    }

    /** {@code path}, or the first free {@code name-N.ext} beside it. */
    public static Path of(Path path) {
        Path candidate = path;
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = suffixed(path, n);
        }
        return candidate;
    }

    /** {@code name-N.ext} beside {@code path}. */
    public static Path suffixed(Path path, int n) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return path.resolveSibling(base + "-" + n + ext);
    }
}
