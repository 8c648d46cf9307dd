package io.atelier.dataset.ui.preview;

import io.atelier.core.project.ProjectStats;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.imaging.decode.ImageDecoder;
import io.atelier.imaging.decode.ImageInfo;
import io.atelier.imaging.decode.ImageProbe;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.openide.util.RequestProcessor;

/**
 * Reads what the preview shows of the selected image, off the event thread: the decoded image (subsampled only beyond
 * twice {@link #PREVIEW_LONG_SIDE}, so anything a LoRA trains on is seen at full resolution) and its caption. Only the
 * latest selection counts: an older load still running is cancelled and its result dropped.
 */
public final class PreviewLoader {

    /** Decoded at least this large: the largest long side Prepare offers. */
    public static final int PREVIEW_LONG_SIDE = 2048;

    /**
     * What was read.
     *
     * @param image    upright image, or null when it could not be decoded
     * @param stored   format and stored size from the header, or null when unreadable
     * @param caption  the caption text, or null when there is no caption file
     * @param problem  why the image or its caption could not be read, or null
     */
    public record Preview(DatasetImage source, BufferedImage image, ImageInfo stored, String caption, String problem) {
    }

    private static final Logger LOG = Logger.getLogger(PreviewLoader.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Dataset preview", 1, true);
    private final ImageProbe probe = new ImageProbe();
    private final ImageDecoder decoder = new ImageDecoder(probe);
    private RequestProcessor.Task running;
    private DatasetImage latest;

    /** Loads {@code image}; {@code done} runs on the event thread unless another load was asked for meanwhile. */
    public void load(DatasetImage image, Consumer<Preview> done) {
        latest = image;
        if (running != null) {
            running.cancel();
        }
        running = RP.post(() -> {
            Preview p = read(image);
            SwingUtilities.invokeLater(() -> {
                if (image.equals(latest)) {
                    done.accept(p);
                }
            });
        });
    }

    /** Forgets the selection: a load still running delivers nothing. */
    public void clear() {
        latest = null;
        if (running != null) {
            running.cancel();
        }
    }

    private Preview read(DatasetImage image) {
        Path file = image.file();
        String caption = null;
        String problem = null;
        try {
            caption = readCaption(ProjectStats.captionOf(file));
        } catch (IOException e) {
            problem = "cannot read the caption " + ProjectStats.captionOf(file).getFileName() + ": " + e.getMessage();
        }
        try {
            ImageInfo stored = probe.probe(file);
            BufferedImage decoded = decoder.decode(file, PREVIEW_LONG_SIDE);
            return new Preview(image, decoded, stored, caption, problem);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "preview of " + file, e);
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            return new Preview(image, null, null, caption, problem == null ? reason : reason + "; " + problem);
        }
    }

    /** UTF-8 as sd-scripts reads it; a caption in another encoding is shown as Windows-1252 and flagged. */
    static String readCaption(Path caption) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(caption);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 (sd-scripts will fail on it)", e);
        }
    }
}
