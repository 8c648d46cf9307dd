package io.atelier.tageditor.ui.complete;

import io.atelier.core.caption.Tags;
import io.atelier.tagger.model.TagInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Autocomplete over the tags of this dataset and the tagger vocabulary. A suggestion matches when the typed text
 * occurs anywhere in the tag ("eed lin" finds "parallel speed lines"), underscores and spaces alike and case-insensitive.
 * Ranked: the exact tag first, then by how many images of this dataset carry it, then by the vocabulary's post count,
 * then tags whose word starts with the text before those that only contain it, then shorter, then alphabetical.
 * Vocabulary tags are offered in the dataset's style: with spaces unless its captions use underscores.
 */
public final class TagSuggestions {

    private record Candidate(String tag, String key, int datasetCount, TagInfo info) {
    }

    private final List<Candidate> candidates;

    public TagSuggestions(Map<String, Integer> datasetCounts, Vocabulary vocabulary) {
        boolean underscores = usesUnderscores(datasetCounts.keySet());
        Map<String, Candidate> byKey = new HashMap<>();
        datasetCounts.forEach((tag, n) -> byKey.merge(Vocabulary.key(tag),
                new Candidate(tag, Vocabulary.key(tag), n, vocabulary.find(tag)),
                (a, b) -> a.datasetCount() >= b.datasetCount() ? a : b));
        for (TagInfo info : vocabulary.tags()) {
            String key = Vocabulary.key(info.name());
            if (!byKey.containsKey(key)) {
                String tag = underscores ? info.name() : Tags.underscoresToSpaces(info.name());
                byKey.put(key, new Candidate(tag, key, 0, info));
            }
        }
        candidates = List.copyOf(byKey.values());
    }

    /**
     * At most {@code limit} tags containing {@code typed}, best first, leaving out the ones in {@code exclude} (the
     * caption being edited). Blank text suggests nothing.
     */
    public List<Suggestion> suggest(String typed, Collection<String> exclude, int limit) {
        String q = Vocabulary.key(typed);
        if (q.isEmpty()) {
            return List.of();
        }
        Set<String> excluded = new HashSet<>();
        exclude.forEach(t -> excluded.add(Vocabulary.key(t)));
        List<Candidate> hits = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.key().contains(q) && !excluded.contains(c.key())) {
                hits.add(c);
            }
        }
        hits.sort(order(q));
        List<Suggestion> out = new ArrayList<>(Math.min(limit, hits.size()));
        for (Candidate c : hits.subList(0, Math.min(limit, hits.size()))) {
            out.add(new Suggestion(c.tag(), c.datasetCount(), c.info() == null ? 0 : c.info().count(),
                    c.info() == null ? null : c.info().category()));
        }
        return out;
    }

    private static Comparator<Candidate> order(String q) {
        return Comparator.<Candidate>comparingInt(c -> c.key().equals(q) ? 0 : 1)
                .thenComparing(Comparator.comparingInt(Candidate::datasetCount).reversed())
                .thenComparing(Comparator.comparingLong((Candidate c) -> c.info() == null ? 0 : c.info().count())
                        .reversed())
                .thenComparingInt(c -> wordStart(c.key(), q) ? 0 : 1)
                .thenComparingInt(c -> c.key().length())
                .thenComparing(Candidate::key);
    }

    private static boolean wordStart(String key, String q) {
        int i = key.indexOf(q);
        while (i >= 0) {
            if (i == 0 || !Character.isLetterOrDigit(key.charAt(i - 1))) {
                return true;
            }
            i = key.indexOf(q, i + 1);
        }
        return false;
    }

    /** Whether the dataset writes tags with underscores ({@code long_hair}) rather than spaces. */
    static boolean usesUnderscores(Collection<String> tags) {
        int underscored = 0;
        int spaced = 0;
        for (String t : tags) {
            if (Tags.KAOMOJI.contains(t)) {
                continue;
            }
            if (t.indexOf('_') >= 0) {
                underscored++;
            } else if (t.indexOf(' ') >= 0) {
                spaced++;
            }
        }
        return underscored > spaced;
    }
}
