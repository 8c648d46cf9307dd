package io.atelier.engine.sdscripts.exporting;

import java.util.List;
import java.util.Objects;

/** An export's text and what it could not carry (each note names the key). */
public record ExportedText(String text, List<String> notes) {

    public ExportedText {
        Objects.requireNonNull(text);
        notes = List.copyOf(notes);
    }
}
