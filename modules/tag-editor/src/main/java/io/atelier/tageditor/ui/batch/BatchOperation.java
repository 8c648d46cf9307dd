package io.atelier.tageditor.ui.batch;

import io.atelier.core.caption.CaptionEdit;
import org.openide.util.NbBundle.Messages;

/** The batch edits the dialog offers, what each needs from the user, and the core edit it becomes. */
@Messages({
    "OP_Add=Add a tag",
    "OP_Remove=Remove a tag",
    "OP_Replace=Replace a tag",
    "OP_Regex=Find and replace (regular expression)",
    "OP_Duplicates=Remove duplicate tags",
    "OP_Sort=Sort tags alphabetically",
    "OP_Underscores=Replace underscores with spaces",
    "OP_Trigger=Put the trigger word first",
    "ERR_NoTrigger=The project has no readable trigger word (see atelier.json)."
})
public enum BatchOperation {
    ADD(Bundle.OP_Add(), true, false, true),
    REMOVE(Bundle.OP_Remove(), true, false, false),
    REPLACE(Bundle.OP_Replace(), true, true, false),
    REGEX(Bundle.OP_Regex(), true, true, false),
    DUPLICATES(Bundle.OP_Duplicates(), false, false, false),
    SORT(Bundle.OP_Sort(), false, false, false),
    UNDERSCORES(Bundle.OP_Underscores(), false, false, false),
    TRIGGER_FIRST(Bundle.OP_Trigger(), false, false, false);

    /** What the user filled in. {@code position}: 0 = first after the trigger word, -1 = last. */
    public record Parameters(String first, String second, int position) {
    }

    private final String label;
    private final boolean needsFirst;
    private final boolean needsSecond;
    private final boolean needsPosition;

    BatchOperation(String label, boolean needsFirst, boolean needsSecond, boolean needsPosition) {
        this.label = label;
        this.needsFirst = needsFirst;
        this.needsSecond = needsSecond;
        this.needsPosition = needsPosition;
    }

    public boolean needsFirst() {
        return needsFirst;
    }

    public boolean needsSecond() {
        return needsSecond;
    }

    public boolean needsPosition() {
        return needsPosition;
    }

    /**
     * The core edit for these parameters.
     *
     * @throws IllegalArgumentException saying what is missing or wrong (an empty tag, a bad regular expression)
     */
    public CaptionEdit edit(Parameters p, String trigger) {
        return switch (this) {
            case ADD -> new CaptionEdit.AddTag(p.first(), p.position());
            case REMOVE -> new CaptionEdit.RemoveTag(p.first());
            case REPLACE -> new CaptionEdit.ReplaceTag(p.first(), p.second());
            case REGEX -> {
                if (p.first() == null || p.first().isEmpty()) {
                    throw new IllegalArgumentException("the regular expression is empty");
                }
                yield new CaptionEdit.RegexReplace(p.first(), p.second());
            }
            case DUPLICATES -> new CaptionEdit.RemoveDuplicates();
            case SORT -> new CaptionEdit.SortTags(trigger);
            case UNDERSCORES -> new CaptionEdit.UnderscoresToSpaces();
            case TRIGGER_FIRST -> {
                if (trigger == null || trigger.isBlank()) {
                    throw new IllegalArgumentException(Bundle.ERR_NoTrigger());
                }
                yield new CaptionEdit.TriggerFirst(trigger);
            }
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
