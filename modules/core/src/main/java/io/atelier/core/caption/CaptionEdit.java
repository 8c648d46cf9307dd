package io.atelier.core.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One change applied to many captions. {@link CaptionBatch} keeps the trigger word first afterwards, so an edit never
 * has to care about it: "position 0" means first after the trigger word.
 */
public sealed interface CaptionEdit {

    Caption apply(Caption caption);

    /** What the edit does, in words, for previews and the undo menu. */
    String describe();

    /** {@code tag} at {@code position} (0 = first; -1 = last) in captions that do not have it yet. */
    record AddTag(String tag, int position) implements CaptionEdit {
        public AddTag {
            tag = requireTag(tag);
        }

        @Override
        public Caption apply(Caption caption) {
            return caption.add(tag, position);
        }

        @Override
        public String describe() {
            return "Add \"" + tag + "\"" + (position < 0 ? " at the end" : position == 0 ? " first"
                    : " at position " + (position + 1));
        }
    }

    record RemoveTag(String tag) implements CaptionEdit {
        public RemoveTag {
            tag = requireTag(tag);
        }

        @Override
        public Caption apply(Caption caption) {
            return caption.without(tag);
        }

        @Override
        public String describe() {
            return "Remove \"" + tag + "\"";
        }
    }

    /** Every {@code from} becomes {@code to}; where {@code to} is there already, {@code from} just goes. */
    record ReplaceTag(String from, String to) implements CaptionEdit {
        public ReplaceTag {
            from = requireTag(from);
            to = requireTag(to);
        }

        @Override
        public Caption apply(Caption caption) {
            List<String> next = new ArrayList<>();
            for (String tag : caption.tags()) {
                String t = tag.equals(from) ? to : tag;
                if (!t.equals(to) || !next.contains(to)) {
                    next.add(t);
                }
            }
            return Caption.of(next);
        }

        @Override
        public String describe() {
            return "Replace \"" + from + "\" with \"" + to + "\"";
        }
    }

    /**
     * A regular expression replaced in the caption text ({@code "a, b, c"}), which is then split into tags again;
     * {@code $1} and friends refer to groups.
     */
    record RegexReplace(String regex, String replacement) implements CaptionEdit {
        public RegexReplace {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression: " + e.getDescription()
                        + " near position " + e.getIndex(), e);
            }
            replacement = replacement == null ? "" : replacement;
        }

        @Override
        public Caption apply(Caption caption) {
            return Caption.parse(Pattern.compile(regex).matcher(caption.text()).replaceAll(replacement));
        }

        @Override
        public String describe() {
            return "Replace /" + regex + "/ with \"" + replacement + "\"";
        }
    }

    record RemoveDuplicates() implements CaptionEdit {
        @Override
        public Caption apply(Caption caption) {
            return caption.withoutDuplicates();
        }

        @Override
        public String describe() {
            return "Remove duplicate tags";
        }
    }

    /** Alphabetical, the trigger word staying first. */
    record SortTags(String trigger) implements CaptionEdit {
        @Override
        public Caption apply(Caption caption) {
            return caption.sorted(trigger);
        }

        @Override
        public String describe() {
            return "Sort tags";
        }
    }

    /** {@code long_hair} → {@code long hair}, kaomoji kept. */
    record UnderscoresToSpaces() implements CaptionEdit {
        @Override
        public Caption apply(Caption caption) {
            return Caption.of(caption.tags().stream().map(Tags::underscoresToSpaces).toList());
        }

        @Override
        public String describe() {
            return "Replace underscores with spaces";
        }
    }

    /** The project's trigger word inserted, or moved, to the front of every caption. */
    record TriggerFirst(String trigger) implements CaptionEdit {
        public TriggerFirst {
            trigger = requireTag(trigger);
        }

        @Override
        public Caption apply(Caption caption) {
            return caption.withTriggerFirst(trigger);
        }

        @Override
        public String describe() {
            return "Put \"" + trigger + "\" first";
        }
    }

    private static String requireTag(String tag) {
        String t = tag == null ? "" : Tags.normalise(tag);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the tag is empty");
        }
        if (t.contains(",")) {
            throw new IllegalArgumentException("a tag cannot contain a comma: \"" + t + "\"");
        }
        return t;
    }
}
