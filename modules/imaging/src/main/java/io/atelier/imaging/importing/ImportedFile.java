package io.atelier.imaging.importing;

import java.nio.file.Path;

/**
 * One image brought into the dataset.
 *
 * @param source   the source file path, or {@code archive.zip!entry/name}
 * @param image    the new file in {@code dataset/}
 * @param original its byte-identical copy in {@code dataset/.originals/}
 * @param caption  the {@code .txt} caption written beside it, or null when the source had none
 */
public record ImportedFile(String source, Path image, Path original, Path caption) {
}
