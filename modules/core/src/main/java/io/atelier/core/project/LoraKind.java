package io.atelier.core.project;

import java.util.Arrays;
import java.util.Locale;

/** What a LoRA teaches the base model. */
public enum LoraKind {
    STYLE, CHARACTER, CONCEPT;

    /** "Style", "Character", "Concept". */
    public String displayName() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The spelling in {@code atelier.json}, JSON output and on the command line: {@code style}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses any case of the name; the message lists the kinds. */
    public static LoraKind parse(String text) {
        String k = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (LoraKind kind : values()) {
            if (kind.name().equals(k)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind \"" + text + "\"; expected "
                + String.join(", ", Arrays.stream(values()).map(LoraKind::cliName).toList()));
    }

    @Override
    public String toString() {
        return displayName();
    }
}
