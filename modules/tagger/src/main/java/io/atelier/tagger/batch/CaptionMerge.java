package io.atelier.tagger.batch;

import io.atelier.core.caption.Caption;
import io.atelier.core.caption.Tags;
import io.atelier.tagger.select.TagPrediction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Merges the model's tags into an image's caption per {@link TagMode}, the trigger word first and exactly once.
 * A tag counts as already present when it differs only in case, underscores versus spaces or parenthesis escaping
 * ({@code Long_Hair} is {@code long hair}), so appending never doubles a hand-written tag.
 */
final class CaptionMerge {

    private CaptionMerge() {
    }

    /** Outcome: the new caption and the model's tags that went into it. */
    record Merged(Caption caption, List<TagPrediction> written) {
    }

    /** Whether the caption says nothing beyond the trigger word, so fill mode may tag it. */
    static boolean isEmpty(Caption caption, String trigger) {
        return caption.isEmpty() || caption.size() == 1 && caption.startsWithTrigger(trigger);
    }

    static Merged merge(Caption existing, List<TagPrediction> predictions, TagMode mode, String trigger) {
        List<String> tags = new ArrayList<>();
        Set<String> present = new HashSet<>();
        if (mode == TagMode.APPEND) {
            for (String tag : existing.tags()) {
                tags.add(tag);
                present.add(key(tag));
            }
        }
        if (trigger != null && !trigger.isBlank()) {
            present.add(key(trigger)); // the trigger goes first below, never a second time from the model
        }
        List<TagPrediction> written = new ArrayList<>();
        for (TagPrediction p : predictions) {
            if (present.add(key(p.tag()))) {
                tags.add(p.tag());
                written.add(p);
            }
        }
        return new Merged(Caption.of(tags).withTriggerFirst(trigger), written);
    }

    private static String key(String tag) {
        String plain = Tags.normalise(tag).replace("\\(", "(").replace("\\)", ")").toLowerCase(Locale.ROOT);
        return Tags.underscoresToSpaces(plain);
    }
}
