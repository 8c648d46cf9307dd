package io.atelier.core.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The tags of one image, in order, as sd-scripts reads them: comma-separated, first line of the {@code .txt}.
 * Immutable; every change returns a new caption. Tags compare exactly, except the trigger word, which is found
 * case-insensitively so {@code glshs} and {@code GLSHS} are one trigger.
 */
public final class Caption {

    public static final Caption EMPTY = new Caption(List.of());

    private final List<String> tags;

    private Caption(List<String> tags) {
        this.tags = List.copyOf(tags);
    }

    /**
     * The tags of a caption text: split on commas (and line breaks, so a multi-line file keeps every tag), each
     * trimmed and its inner white space folded; empty entries dropped.
     */
    public static Caption parse(String text) {
        List<String> tags = new ArrayList<>();
        for (String part : text.split("[,\\r\\n]")) {
            String tag = Tags.normalise(part);
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return new Caption(tags);
    }

    /** A caption of these tags; each is normalised, blank ones are dropped. */
    public static Caption of(List<String> tags) {
        List<String> clean = new ArrayList<>(tags.size());
        for (String t : tags) {
            String tag = Tags.normalise(t);
            if (!tag.isEmpty()) {
                clean.add(tag);
            }
        }
        return new Caption(clean);
    }

    public List<String> tags() {
        return tags;
    }

    public boolean isEmpty() {
        return tags.isEmpty();
    }

    public int size() {
        return tags.size();
    }

    /** The caption as written: tags joined with {@code ", "}, no trailing newline. */
    public String text() {
        return String.join(", ", tags);
    }

    public boolean contains(String tag) {
        return tags.contains(Tags.normalise(tag));
    }

    /** Whether the first tag is the trigger word (case-insensitive). */
    public boolean startsWithTrigger(String trigger) {
        return trigger != null && !tags.isEmpty() && tags.get(0).equalsIgnoreCase(trigger.strip());
    }

    /**
     * The trigger word first, exactly once, spelled as given; other spellings of it are removed. A blank trigger
     * leaves the caption as it is.
     */
    public Caption withTriggerFirst(String trigger) {
        if (trigger == null || trigger.isBlank()) {
            return this;
        }
        String t = Tags.normalise(trigger);
        List<String> next = new ArrayList<>(tags.size() + 1);
        next.add(t);
        for (String tag : tags) {
            if (!tag.equalsIgnoreCase(t)) {
                next.add(tag);
            }
        }
        return new Caption(next);
    }

    /** Without every occurrence of {@code tag}. */
    public Caption without(String tag) {
        String t = Tags.normalise(tag);
        List<String> next = new ArrayList<>(tags);
        next.removeIf(t::equals);
        return next.size() == tags.size() ? this : new Caption(next);
    }

    /** With {@code tag} inserted at {@code index} (clamped; -1 = last). Inserts even when present: see {@link #add}. */
    public Caption with(String tag, int index) {
        String t = Tags.normalise(tag);
        if (t.isEmpty()) {
            return this;
        }
        List<String> next = new ArrayList<>(tags);
        next.add(index < 0 || index > next.size() ? next.size() : index, t);
        return new Caption(next);
    }

    /** With {@code tag} at {@code index} unless it is already there (anywhere). */
    public Caption add(String tag, int index) {
        return contains(tag) ? this : with(tag, index);
    }

    /** The tag at {@code from} moved to {@code to} (both indexes in this caption). */
    public Caption moved(int from, int to) {
        Objects.checkIndex(from, tags.size());
        Objects.checkIndex(to, tags.size());
        List<String> next = new ArrayList<>(tags);
        next.add(to, next.remove(from));
        return new Caption(next);
    }

    /** The tag at {@code index} replaced; a blank replacement removes it. */
    public Caption replaced(int index, String newTag) {
        Objects.checkIndex(index, tags.size());
        List<String> next = new ArrayList<>(tags);
        String t = Tags.normalise(newTag);
        if (t.isEmpty()) {
            next.remove(index);
        } else {
            next.set(index, t);
        }
        return new Caption(next);
    }

    /** Each tag once, at its first place. */
    public Caption withoutDuplicates() {
        List<String> next = new ArrayList<>(new java.util.LinkedHashSet<>(tags));
        return next.size() == tags.size() ? this : new Caption(next);
    }

    /** Tags in alphabetical order (case-insensitive), the trigger word (when it leads) staying first. */
    public Caption sorted(String trigger) {
        boolean pinned = startsWithTrigger(trigger);
        List<String> rest = new ArrayList<>(pinned ? tags.subList(1, tags.size()) : tags);
        rest.sort(Comparator.INSTANCE);
        if (pinned) {
            rest.add(0, tags.get(0));
        }
        return new Caption(rest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Caption c && c.tags.equals(tags);
    }

    @Override
    public int hashCode() {
        return tags.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }

    /** Case-insensitive, then exact, so the order is total. */
    private static final class Comparator implements java.util.Comparator<String> {
        static final Comparator INSTANCE = new Comparator();

        @Override
        public int compare(String a, String b) {
            int c = a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
            return c != 0 ? c : a.compareTo(b);
        }
    }
}
