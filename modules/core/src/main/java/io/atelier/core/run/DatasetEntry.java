package io.atelier.core.run;

/**
 * One image of a run's frozen dataset manifest.
 *
 * @param file        file name in {@code dataset/}
 * @param sha256      the image's content hash
 * @param captionHash the caption's content hash, null when it had none
 */
public record DatasetEntry(String file, String sha256, String captionHash) {
}
