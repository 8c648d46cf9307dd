package io.atelier.tageditor.ui.chips;

/**
 * One tag as the editor shows it.
 *
 * @param tag      the tag text
 * @param index    its place in the caption, or -1 for the trigger word when the caption lacks it
 * @param kind     how it is shown and what may be done with it
 */
public record Chip(String tag, int index, Kind kind) {

    public enum Kind {
        /** The project's trigger word leading the caption: pinned first, neither removable nor movable. */
        TRIGGER,
        /** The trigger word the caption lacks: shown pinned and dashed; the next edit puts it first. */
        MISSING_TRIGGER,
        /** Any other tag. */
        TAG
    }

    public boolean pinned() {
        return kind != Kind.TAG;
    }
}
