package io.atelier.engine.djl.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** sd-scripts' caption handling: {@code shuffle_caption} with the first {@code keep_tokens} tags kept in front. */
final class Captions {

    private Captions() {
    }

    /** The caption as trained this step: unchanged without shuffling, else the kept tags then the rest shuffled. */
    static String forStep(String caption, boolean shuffle, int keepTokens, Random random) {
        if (!shuffle) {
            return caption;
        }
        List<String> tags = tags(caption);
        int keep = Math.min(keepTokens, tags.size());
        List<String> rest = new ArrayList<>(tags.subList(keep, tags.size()));
        Collections.shuffle(rest, random);
        List<String> out = new ArrayList<>(tags.subList(0, keep));
        out.addAll(rest);
        return String.join(", ", out);
    }

    static List<String> tags(String caption) {
        List<String> tags = new ArrayList<>();
        for (String t : caption.split(",")) {
            String tag = t.strip();
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** {@code ss_tag_frequency} of one folder: each tag, lower-cased, counted once per caption it appears in. */
    static Map<String, Integer> tagFrequency(List<String> captions) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String caption : captions) {
            for (String tag : tags(caption)) {
                counts.merge(tag.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return new LinkedHashMap<>(counts);
    }
}
