package io.atelier.tagger.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a tagging pass did.
 *
 * @param modelName the model's folder name
 * @param provider  the execution provider that ran it ({@code CUDA}, {@code CPU}, …)
 * @param images    images asked for
 * @param tagged    images the model tagged, in the order given
 * @param skipped   images left alone because they already had a caption (fill mode)
 * @param problems  images that could not be tagged (unreadable image or caption, caption changed meanwhile)
 * @param cancelled the pass was cancelled; every caption written before is complete, the rest untouched
 * @param elapsed   wall time of the whole pass
 */
public record TaggingResult(String modelName, String provider, int images, List<TaggedImage> tagged,
                            List<Path> skipped, List<TaggingProblem> problems, boolean cancelled, Duration elapsed) {

    public TaggingResult {
        tagged = List.copyOf(tagged);
        skipped = List.copyOf(skipped);
        problems = List.copyOf(problems);
    }

    /** Captions written (tagged images whose caption changed). */
    public long written() {
        return tagged.stream().filter(TaggedImage::changed).count();
    }

    /** Tagged images per second over the whole pass: decoding, inference and writing. */
    public double imagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? tagged.size() / seconds : 0;
    }
}
