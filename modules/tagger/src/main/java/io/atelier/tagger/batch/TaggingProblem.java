package io.atelier.tagger.batch;

import java.nio.file.Path;

/**
 * An image the tagger left as it was, and why; the rest of the batch goes on.
 *
 * @param file    the image
 * @param message one line that starts with the file it is about (the image or its caption), then the problem
 */
public record TaggingProblem(Path file, String message) {

    @Override
    public String toString() {
        return message;
    }
}
