package io.atelier.engine.djl.tokenizer;

import java.io.FileNotFoundException;

/** No CLIP tokenizer files where they were looked for; the message lists every place tried. */
public final class TokenizerNotFoundException extends FileNotFoundException {

    public TokenizerNotFoundException(String message) {
        super(message);
    }
}
