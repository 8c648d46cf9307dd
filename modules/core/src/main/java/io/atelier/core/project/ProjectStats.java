package io.atelier.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a project folder holds, counted from the files on disk (they are the truth for images and captions).
 *
 * @param images    training images in {@code dataset/}
 * @param captioned images with a non-empty {@code .txt} caption beside them
 * @param runs      run folders under {@code runs/}
 */
public record ProjectStats(int images, int captioned, int runs) {

    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "webp", "bmp", "gif", "tif", "tiff");

    public static final ProjectStats EMPTY = new ProjectStats(0, 0, 0);

    /** Counts a project folder. A folder that does not exist counts as empty. */
    public static ProjectStats scan(ProjectLayout layout) throws IOException {
        int images = 0;
        int captioned = 0;
        if (Files.isDirectory(layout.dataset())) {
            try (Stream<Path> files = Files.list(layout.dataset())) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (isImage(p)) {
                        images++;
                        if (hasCaption(p)) {
                            captioned++;
                        }
                    }
                }
            }
        }
        int runs = 0;
        if (Files.isDirectory(layout.runs())) {
            try (Stream<Path> dirs = Files.list(layout.runs())) {
                runs = (int) dirs.filter(Files::isDirectory).count();
            }
        }
        return new ProjectStats(images, captioned, runs);
    }

    public static boolean isImage(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && Files.isRegularFile(p)
                && IMAGE_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The caption file of an image: same base name, {@code .txt}. */
    public static Path captionOf(Path image) {
        String n = image.getFileName().toString();
        return image.resolveSibling(n.substring(0, n.lastIndexOf('.')) + ".txt");
    }

    /**
     * Whether a non-blank {@code .txt} caption lies beside {@code image}: any byte besides white space and a UTF-8
     * byte-order mark. Checked on the bytes, so a caption a Windows tagger wrote in a legacy encoding still counts
     * instead of failing the whole scan.
     */
    public static boolean hasCaption(Path image) throws IOException {
        Path caption = captionOf(image);
        if (!Files.isRegularFile(caption)) {
            return false;
        }
        for (byte b : Files.readAllBytes(caption)) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0x0B && b != (byte) 0xEF
                    && b != (byte) 0xBB && b != (byte) 0xBF) {
                return true;
            }
        }
        return false;
    }
}
