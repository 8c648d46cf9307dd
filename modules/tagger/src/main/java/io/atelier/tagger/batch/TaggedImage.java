package io.atelier.tagger.batch;

import io.atelier.tagger.select.TagPrediction;
import java.nio.file.Path;
import java.util.List;

/**
 * One image the model tagged.
 *
 * @param image       the image file
 * @param contentHash SHA-256 of the image's bytes (as {@code io.atelier.imaging.hash.ContentHash}), so what the model
 *                    said stays attached to the picture when it is renamed
 * @param predictions every tag the model chose for it, most probable first (rating where the settings put it)
 * @param written     the model's tags that this run put into the caption (in append mode, those it did not have)
 * @param caption     the caption text now on disk
 * @param changed     whether the caption file was written; false when it already held every tag
 */
public record TaggedImage(Path image, String contentHash, List<TagPrediction> predictions,
                          List<TagPrediction> written, String caption, boolean changed) {

    public TaggedImage {
        predictions = List.copyOf(predictions);
        written = List.copyOf(written);
    }
}
