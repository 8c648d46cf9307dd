package io.atelier.core.caption;

import java.util.Set;

/** Rules for single tags shared by the tagger and the batch edits. */
public final class Tags {

    /**
     * Danbooru kaomoji whose underscores are the face, not word separators: kept as they are when underscores
     * become spaces (the list the WD14 reference and taggui use, reference/wd14-tagger.md §9).
     */
    public static final Set<String> KAOMOJI = Set.of("0_0", "(o)_(o)", "+_+", "+_-", "._.", "<o>_<o>", "<|>_<|>",
            "=_=", ">_<", "3_3", "6_9", ">_o", "@_@", "^_^", "o_o", "u_u", "x_x", "|_|", "||_||");

    private Tags() {
    }

    /** {@code long_hair} → {@code long hair}; kaomoji stay as they are. */
    public static String underscoresToSpaces(String tag) {
        return KAOMOJI.contains(tag) ? tag : tag.replace('_', ' ');
    }

    /**
     * {@code (}/{@code )} escaped as {@code \(}/{@code \)}, for A1111 prompts and {@code --weighted_captions}, where a
     * bare parenthesis means weighting. Parentheses already escaped stay escaped once.
     */
    public static String escapeParentheses(String tag) {
        StringBuilder out = new StringBuilder(tag.length() + 4);
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '\\' && i + 1 < tag.length() && (tag.charAt(i + 1) == '(' || tag.charAt(i + 1) == ')')) {
                out.append(c).append(tag.charAt(++i));
            } else if (c == '(' || c == ')') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A tag as typed, trimmed, inner runs of white space folded into one space. */
    public static String normalise(String tag) {
        return tag.strip().replaceAll("\\s+", " ");
    }
}
