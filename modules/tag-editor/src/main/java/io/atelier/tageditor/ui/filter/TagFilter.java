package io.atelier.tageditor.ui.filter;

import io.atelier.core.caption.TagExpression;
import java.util.Collection;

/**
 * What the filter field above the image list holds: nothing (every image), a valid tag expression, or text that
 * does not parse, with the reason and its position. An invalid filter lets every image through, so a half-typed
 * expression never empties the list.
 */
public final class TagFilter {

    public static final TagFilter ALL = new TagFilter("", null, null);

    private final String text;
    private final TagExpression expression;
    private final String error;

    private TagFilter(String text, TagExpression expression, String error) {
        this.text = text;
        this.expression = expression;
        this.error = error;
    }

    public static TagFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        try {
            return new TagFilter(text, TagExpression.parse(text), null);
        } catch (IllegalArgumentException e) {
            return new TagFilter(text, null, e.getMessage());
        }
    }

    public String text() {
        return text;
    }

    /** Whether it narrows the list: non-blank and valid. */
    public boolean active() {
        return expression != null;
    }

    /** Why the text is not a valid expression, or null. */
    public String error() {
        return error;
    }

    public boolean accepts(Collection<String> tags) {
        return expression == null || expression.matches(tags);
    }

    /**
     * The filter text narrowed to images that also carry {@code tag} (quoted, so tags with spaces, parentheses or
     * operator characters stay one tag); a blank or invalid filter is replaced.
     */
    public static String and(String current, String tag) {
        String quoted = "\"" + tag + "\"";
        TagFilter f = parse(current);
        if (!f.active()) {
            return quoted;
        }
        String existing = current.strip();
        boolean simple = !existing.contains(" OR ") && !existing.contains("|");
        return (simple ? existing : "(" + existing + ")") + " AND " + quoted;
    }

    @Override
    public String toString() {
        return text;
    }
}
