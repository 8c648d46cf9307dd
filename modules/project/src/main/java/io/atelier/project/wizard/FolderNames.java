package io.atelier.project.wizard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/** Folder names derived from project names. */
public final class FolderNames {

    private FolderNames() {
    }

    /** "Glass Shards v2!" becomes "glass-shards-v2": safe on every file system, readable in a shell. */
    public static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("(^[-.]+|-+$)", "");
        return slug.isEmpty() ? "lora" : slug;
    }

    /** {@code parent/base}, or {@code parent/base-2}, {@code -3}… when taken. */
    public static Path unused(Path parent, String base) {
        Path candidate = parent.resolve(base);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = parent.resolve(base + "-" + i);
        }
        return candidate;
    }
}
