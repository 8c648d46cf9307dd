package io.atelier.project.wizard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/** Folder names derived from project names. */
public final class FolderNames {

    private FolderNames() {
    }

    /**
     * "Glass Shards v2!" becomes "glass-shards-v2", "Café" "cafe": safe on every file system, readable in a
     * shell. Letters of any script are kept, so names in Japanese or Cyrillic give folders of their own.
     */
    public static String fromName(String name) {
        // accents come off Latin letters only: a Japanese dakuten is part of the letter, not decoration
        String plain = Normalizer.normalize(Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("(?<=\\p{IsLatin})\\p{M}+", ""), Normalizer.Form.NFC);
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}._-]+", "-")
                .replaceAll("(^[-.]+|-+$)", "");
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
