package io.atelier.tageditor.ui.chips;

import io.atelier.core.caption.Caption;
import io.atelier.core.caption.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * The editing rules of one caption shown as chips. The project's trigger word is pinned: it leads every caption
 * (sd-scripts' keep tokens = 1), cannot be removed, moved or edited here, and nothing can be put before it; a caption
 * that lacks it gets it with its next edit. Every operation returns the new caption and leaves this one as it is.
 */
public final class ChipModel {

    private final Caption caption;
    private final String trigger;

    /** @param trigger the project's trigger word, or null when the project has none readable */
    public ChipModel(Caption caption, String trigger) {
        this.caption = caption;
        this.trigger = trigger == null || trigger.isBlank() ? null : Tags.normalise(trigger);
    }

    public Caption caption() {
        return caption;
    }

    /** Whether the trigger word leads the caption. */
    public boolean triggerLeads() {
        return trigger != null && caption.startsWithTrigger(trigger);
    }

    /** The chips in caption order, the trigger word first (real or missing). */
    public List<Chip> chips() {
        List<Chip> chips = new ArrayList<>(caption.size() + 1);
        List<String> tags = caption.tags();
        int start = 0;
        if (trigger != null) {
            if (triggerLeads()) {
                chips.add(new Chip(tags.get(0), 0, Chip.Kind.TRIGGER));
                start = 1;
            } else {
                chips.add(new Chip(trigger, -1, Chip.Kind.MISSING_TRIGGER));
            }
        }
        for (int i = start; i < tags.size(); i++) {
            chips.add(new Chip(tags.get(i), i, Chip.Kind.TAG));
        }
        return chips;
    }

    /** The first index a tag other than the trigger word may take. */
    public int firstFree() {
        return triggerLeads() ? 1 : 0;
    }

    /** {@code tag} added at the end; a tag the caption has already leaves it unchanged (but the trigger first). */
    public Caption added(String tag) {
        return added(tag, -1);
    }

    /** {@code tag} added before the tag at {@code index} (-1: at the end), never before the trigger word. */
    public Caption added(String tag, int index) {
        String t = Tags.normalise(tag);
        if (t.isEmpty() || t.contains(",") || caption.contains(t) || isTrigger(t)) {
            return keepTrigger(caption);
        }
        int at = index < 0 ? -1 : Math.max(index, firstFree());
        return keepTrigger(caption.with(t, at));
    }

    /** The tag at {@code index} removed; the trigger word stays. */
    public Caption removed(int index) {
        if (!editable(index)) {
            return keepTrigger(caption);
        }
        List<String> next = new ArrayList<>(caption.tags());
        next.remove(index);
        return keepTrigger(Caption.of(next));
    }

    /**
     * The tag at {@code from} moved so it lands at {@code to} (an index of this caption), never before the trigger
     * word; the trigger word itself does not move.
     */
    public Caption moved(int from, int to) {
        if (!editable(from)) {
            return keepTrigger(caption);
        }
        int target = Math.max(firstFree(), Math.min(to, caption.size() - 1));
        return keepTrigger(from == target ? caption : caption.moved(from, target));
    }

    /**
     * The tag at {@code index} replaced by {@code tag}; a blank one removes it, and one the caption has elsewhere
     * merges into it (each tag once).
     */
    public Caption replaced(int index, String tag) {
        if (!editable(index)) {
            return keepTrigger(caption);
        }
        String t = Tags.normalise(tag);
        if (t.contains(",") || isTrigger(t)) {
            return keepTrigger(caption);
        }
        Caption next = caption.replaced(index, t);
        if (!t.isEmpty() && caption.tags().indexOf(t) >= 0 && caption.tags().indexOf(t) != index) {
            next = next.withoutDuplicates();
        }
        return keepTrigger(next);
    }

    /** Whether the tag at {@code index} may be removed, moved or edited. */
    public boolean editable(int index) {
        return index >= firstFree() && index < caption.size();
    }

    private boolean isTrigger(String tag) {
        return trigger != null && tag.equalsIgnoreCase(trigger);
    }

    /** The trigger word first; a caption it already leads keeps its spelling of it. */
    private Caption keepTrigger(Caption c) {
        return trigger == null || c.startsWithTrigger(trigger) ? c : c.withTriggerFirst(trigger);
    }
}
