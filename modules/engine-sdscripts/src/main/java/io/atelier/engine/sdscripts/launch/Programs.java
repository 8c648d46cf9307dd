package io.atelier.engine.sdscripts.launch;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the program behind a command the user configured (a path, or a name on {@code PATH}), so a missing or
 * non-executable program is named before a process is started instead of surfacing as an opaque
 * {@code error=2} from {@link ProcessBuilder}.
 */
final class Programs {

    /** The program found, or the reason none was: exactly one of the two is set. */
    record Resolution(Path program, String problem) {
        boolean found() {
            return program != null;
        }
    }

    private Programs() {
    }

    /**
     * @param what the command's role in words, for the message ("the Python command")
     * @param base the folder a relative path ({@code venv/bin/python}) is relative to: the sd-scripts folder, which
     *             is also the child's working directory; null to use the current directory
     */
    static Resolution resolve(String command, String what, Path base) {
        if (command == null || command.isBlank()) {
            return new Resolution(null, what + " is empty");
        }
        boolean hasSeparator = command.contains("/") || command.contains(File.separator);
        try {
            if (hasSeparator) {
                Path p = Path.of(command);
                return check(base != null && !p.isAbsolute() ? base.resolve(p) : p.toAbsolutePath(), command, what);
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                for (String name : candidates(command)) {
                    Path p = Path.of(dir, name);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        return new Resolution(p, null);
                    }
                }
            }
        } catch (InvalidPathException e) {
            return new Resolution(null, what + " \"" + command + "\" is not a valid path: " + e.getMessage());
        }
        return new Resolution(null, what + " \"" + command + "\" was not found on PATH");
    }

    private static Resolution check(Path p, String command, String what) {
        if (!Files.exists(p)) {
            return new Resolution(null, what + " \"" + command + "\" does not exist");
        }
        if (!Files.isRegularFile(p)) {
            return new Resolution(null, what + " \"" + command + "\" is not a file");
        }
        if (!Files.isExecutable(p)) {
            return new Resolution(null, what + " \"" + command + "\" is not executable");
        }
        return new Resolution(p, null);
    }

    /** On Windows a bare name also matches with each {@code PATHEXT} extension. */
    private static List<String> candidates(String command) {
        List<String> names = new ArrayList<>();
        names.add(command);
        if (SdScriptsSettings.isWindows() && !command.contains(".")) {
            for (String ext : System.getenv().getOrDefault("PATHEXT", ".EXE;.BAT;.CMD").split(";")) {
                if (!ext.isBlank()) {
                    names.add(command + ext.toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
