package io.atelier.tagger.batch;

/** What the tagger does with a caption that already exists. */
public enum TagMode {
    /** Keep the caption's tags and add the model's tags it does not have yet, after them. */
    APPEND,
    /** Write the model's tags instead of the caption's (the trigger word stays first). */
    REPLACE,
    /** Tag only images without a caption, or whose caption holds nothing but the trigger word. */
    FILL_EMPTY
}
