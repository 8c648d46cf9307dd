package io.atelier.tageditor.ui.complete;

import io.atelier.core.caption.Tags;
import io.atelier.tagger.model.TagCategory;
import io.atelier.tagger.model.TagInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tagger's tag list ({@code selected_tags.csv}): every tag it knows with its Danbooru category and post count.
 * Feeds autocomplete and the category column of the statistics. Tags are looked up in the form captions use:
 * case-insensitive, underscores and spaces alike ({@code long_hair} = {@code long hair}), kaomoji exact.
 */
public final class Vocabulary {

    public static final Vocabulary EMPTY = new Vocabulary(List.of(), null);

    private final List<TagInfo> tags;
    private final Map<String, TagInfo> byKey = new HashMap<>();
    private final String source;

    /** @param source where it was read from, for the user (the CSV), or null */
    public Vocabulary(List<TagInfo> tags, String source) {
        this.tags = List.copyOf(tags);
        this.source = source;
        for (TagInfo t : this.tags) {
            byKey.putIfAbsent(key(t.name()), t);
        }
    }

    public List<TagInfo> tags() {
        return tags;
    }

    public boolean isEmpty() {
        return tags.isEmpty();
    }

    public String source() {
        return source;
    }

    /** The vocabulary's entry for a caption tag, or null when the tagger does not know it. */
    public TagInfo find(String tag) {
        return byKey.get(key(tag));
    }

    /** The category of a caption tag, or null when the tagger does not know it. */
    public TagCategory category(String tag) {
        TagInfo t = find(tag);
        return t == null ? null : t.category();
    }

    /** The form two tags are compared in: lower case, underscores as spaces (kaomoji kept), blanks folded. */
    public static String key(String tag) {
        return Tags.normalise(Tags.underscoresToSpaces(tag.strip())).toLowerCase(Locale.ROOT);
    }
}
