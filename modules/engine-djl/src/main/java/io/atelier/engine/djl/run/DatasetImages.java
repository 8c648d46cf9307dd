package io.atelier.engine.djl.run;

import io.atelier.core.buckets.BucketSelector;
import io.atelier.core.buckets.BucketSettings;
import io.atelier.core.buckets.ImageSize;
import io.atelier.core.run.DatasetEntry;
import io.atelier.core.run.EngineException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The run's dataset: the manifest's images in {@code <project>/dataset/}, each decoded with ImageIO, its caption read
 * from the {@code .txt} beside it (UTF-8; none = empty), and placed in its bucket with core's sd-scripts bucket
 * algorithm at the configuration's resolution.
 */
final class DatasetImages {

    /** Decoded pixels handed to the encoder one image at a time, so only one full-size image is in memory. */
    interface PixelSink {
        void accept(TrainingImage image, float[] pixels) throws IOException;
    }

    private DatasetImages() {
    }

    /** Reads captions and sizes and buckets every image; the pixels go to {@code sink} image by image. */
    static List<TrainingImage> load(Path datasetDir, List<DatasetEntry> entries, BucketSettings settings,
            String captionExtension, PixelSink sink) throws EngineException, IOException {
        if (entries.isEmpty()) {
            throw new EngineException("The run's dataset has no images.");
        }
        BucketSelector selector;
        try {
            selector = BucketSelector.of(settings);
        } catch (IllegalArgumentException e) {
            throw new EngineException("The bucket settings are refused: " + e.getMessage(), e);
        }
        List<TrainingImage> images = new ArrayList<>(entries.size());
        for (DatasetEntry entry : entries) {
            Path file = datasetDir.resolve(entry.file());
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new EngineException("Cannot decode " + file + ": not a PNG or JPEG image ImageIO can read.");
            }
            TrainingImage t = new TrainingImage(entry.file(), caption(file, captionExtension),
                    selector.select(new ImageSize(image.getWidth(), image.getHeight())));
            sink.accept(t, ImagePixels.toBucket(image, t.assignment()));
            images.add(t);
        }
        return images;
    }

    static String caption(Path image, String extension) throws IOException {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path caption = image.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
        if (!Files.isRegularFile(caption)) {
            return "";
        }
        return Files.readString(caption, StandardCharsets.UTF_8).strip();
    }
}
