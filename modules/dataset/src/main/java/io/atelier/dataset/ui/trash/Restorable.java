package io.atelier.dataset.ui.trash;

import io.atelier.core.project.ProjectStats;
import io.atelier.core.project.TrashedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An entry of the Restore from Trash list. The trash lists captions as files of their own, but restoring an image
 * brings its caption back too, so a caption trashed with its image is folded into the image's entry.
 *
 * @param withCaption the image's caption lies beside it in the trash and comes back with it
 */
public record Restorable(TrashedFile file, boolean withCaption) {

    /** The entries worth offering, in the trash's order (newest batch first). */
    public static List<Restorable> of(List<TrashedFile> trash) {
        Set<String> images = new HashSet<>();
        for (TrashedFile f : trash) {
            if (isImageName(f.trashed())) {
                images.add(key(f.trashed()));
            }
        }
        List<Restorable> entries = new ArrayList<>();
        Set<String> captions = new HashSet<>();
        for (TrashedFile f : trash) {
            if (isCaptionName(f.trashed())) {
                captions.add(key(f.trashed()));
            }
        }
        for (TrashedFile f : trash) {
            Path p = f.trashed();
            if (isCaptionName(p) && images.contains(key(p))) {
                continue;   // comes back with its image
            }
            entries.add(new Restorable(f, isImageName(p) && captions.contains(key(p))));
        }
        return entries;
    }

    /** Folder and base name, so an image and its caption in the same trash batch share a key. */
    private static String key(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return p.resolveSibling(dot > 0 ? n.substring(0, dot) : n).toString();
    }

    private static boolean isImageName(Path p) {
        return ProjectStats.IMAGE_EXTENSIONS.contains(extension(p));
    }

    private static boolean isCaptionName(Path p) {
        return "txt".equals(extension(p));
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
