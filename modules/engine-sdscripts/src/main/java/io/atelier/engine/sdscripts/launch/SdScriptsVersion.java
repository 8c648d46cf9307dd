package io.atelier.engine.sdscripts.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sd-scripts version a run records: the checkout's git commit (read from {@code .git}, no git program needed),
 * with the branch when there is one. sd-scripts has no version number of its own worth recording.
 */
final class SdScriptsVersion {

    private SdScriptsVersion() {
    }

    static String of(Optional<Path> checkout) {
        if (checkout.isEmpty()) {
            return "unknown (no sd-scripts folder set)";
        }
        Path git = checkout.get().resolve(".git");
        try {
            if (!Files.isDirectory(git)) {
                return "unknown (" + checkout.get() + " is not a git checkout)";
            }
            String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
            if (!head.startsWith("ref: ")) {
                return "git " + head; // a detached checkout: HEAD is the commit
            }
            String ref = head.substring(5).strip();
            String branch = ref.startsWith("refs/heads/") ? ref.substring(11) : ref;
            Path loose = git.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return "git " + Files.readString(loose, StandardCharsets.UTF_8).strip() + " (" + branch + ")";
            }
            Path packed = git.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) {
                        return "git " + line.substring(0, line.indexOf(' ')) + " (" + branch + ")";
                    }
                }
            }
            return "git (" + branch + ", commit not found)";
        } catch (IOException e) {
            return "unknown (cannot read " + git + ": " + e.getMessage() + ")";
        }
    }
}
