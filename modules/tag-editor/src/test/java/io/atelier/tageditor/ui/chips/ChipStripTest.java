package io.atelier.tageditor.ui.chips;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.caption.Caption;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dragging chips: where a drop lands, and the caption index the dragged tag takes there. Headless. */
class ChipStripTest {

    private final List<String> moves = new ArrayList<>();

    private ChipStrip strip(String caption, String trigger) {
        ChipStrip strip = new ChipStrip(new ChipStrip.Actions() {
            @Override
            public void remove(Chip chip) {
                moves.add("remove " + chip.tag());
            }

            @Override
            public void move(Chip chip, int to) {
                moves.add(chip.tag() + " -> " + to);
            }

            @Override
            public void rename(Chip chip, String tag) {
                moves.add("rename " + chip.tag());
            }

            @Override
            public void leave() {
                moves.add("leave");
            }
        });
        strip.setChips(new ChipModel(Caption.parse(caption), trigger).chips(), ChipStrip.Marks.NONE);
        strip.setSize(2000, 100);
        strip.doLayout();
        return strip;
    }

    @Test
    void aDropLandsBeforeTheChipWhoseLeftHalfItIsIn() {
        ChipStrip s = strip("T, a, b, c", "T");
        Rectangle b = s.getComponent(2).getBounds();
        assertThat(s.slotAt(new Point(b.x + 2, b.y + 2))).isEqualTo(2);
        assertThat(s.slotAt(new Point(b.x + b.width - 2, b.y + 2))).isEqualTo(3);
        Rectangle last = s.getComponent(3).getBounds();
        assertThat(s.slotAt(new Point(last.x + last.width + 50, last.y + 2))).isEqualTo(4);
    }

    @Test
    void theDraggedTagTakesTheIndexOfItsSlot() {
        ChipStrip s = strip("T, a, b, c", "T");
        assertThat(s.targetIndex(3, 1)).isEqualTo(1);   // c before a
        assertThat(s.targetIndex(1, 3)).isEqualTo(2);   // a before c
        assertThat(s.targetIndex(1, 4)).isEqualTo(3);   // a to the end
        assertThat(s.targetIndex(2, 0)).isEqualTo(0);   // before the trigger word: ChipModel keeps it behind
    }

    @Test
    void droppingMovesTheTagAndDroppingInPlaceDoesNothing() {
        ChipStrip s = strip("T, a, b, c", "T");
        ChipView c = (ChipView) s.getComponent(3);
        s.drop(c, 1);
        ChipView a = (ChipView) s.getComponent(1);
        s.drop(a, 2);   // just behind itself: no move
        assertThat(moves).containsExactly("c -> 1");
    }

    @Test
    void theTriggerWordChipIsNotRemovable() {
        ChipStrip s = strip("T, a", "T");
        assertThat(((ChipView) s.getComponent(0)).removable()).isFalse();
        assertThat(((ChipView) s.getComponent(1)).removable()).isTrue();
    }
}
