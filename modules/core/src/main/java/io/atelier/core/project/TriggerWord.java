package io.atelier.core.project;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for the trigger word: the token that starts every caption and links the LoRA to its dataset.
 * It is one caption tag, so it may not contain the tag separator (comma) or line breaks.
 */
public final class TriggerWord {

    private static final Pattern ALLOWED = Pattern.compile("[^,\\r\\n\\t]{1,64}");

    private TriggerWord() {
    }

    /** Returns the trimmed trigger word, or throws with a message naming what is wrong. */
    public static String require(String trigger) {
        String t = trigger == null ? "" : trigger.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("The trigger word is empty; every caption starts with it.");
        }
        if (!ALLOWED.matcher(t).matches()) {
            throw new IllegalArgumentException("The trigger word \"" + t + "\" must be 1 to 64 characters "
                    + "without commas, tabs or line breaks (it becomes the first caption tag).");
        }
        return t;
    }

    /** The form two trigger words are compared in: case and surrounding blanks do not make a word unique. */
    public static String key(String trigger) {
        return trigger.strip().toLowerCase(Locale.ROOT);
    }
}
