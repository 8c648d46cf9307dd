package io.atelier.tageditor.ui.chips;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.caption.Caption;
import org.junit.jupiter.api.Test;

/** The chip rules: the trigger word pinned first, never removed, moved past or edited; edits keep it first. */
class ChipModelTest {

    private static ChipModel model(String caption) {
        return new ChipModel(Caption.parse(caption), "GLSHS");
    }

    @Test
    void theLeadingTriggerWordIsAPinnedChip() {
        ChipModel m = model("GLSHS, 1girl, solo");
        assertThat(m.chips()).extracting(Chip::tag).containsExactly("GLSHS", "1girl", "solo");
        assertThat(m.chips().get(0).kind()).isEqualTo(Chip.Kind.TRIGGER);
        assertThat(m.chips().get(0).pinned()).isTrue();
        assertThat(m.chips().get(1).kind()).isEqualTo(Chip.Kind.TAG);
        assertThat(m.chips().get(1).index()).isEqualTo(1);
    }

    @Test
    void aMissingTriggerWordShowsPinnedAndTheNextEditPutsItFirst() {
        ChipModel m = model("1girl, solo");
        assertThat(m.chips()).extracting(Chip::tag).containsExactly("GLSHS", "1girl", "solo");
        assertThat(m.chips().get(0).kind()).isEqualTo(Chip.Kind.MISSING_TRIGGER);
        assertThat(m.chips().get(0).index()).isEqualTo(-1);
        assertThat(m.added("smile").text()).isEqualTo("GLSHS, 1girl, solo, smile");
    }

    @Test
    void aTriggerWordLaterInTheCaptionMovesToTheFrontWithTheNextEdit() {
        assertThat(model("1girl, GLSHS, solo").removed(2).text()).isEqualTo("GLSHS, 1girl");
    }

    @Test
    void theCaptionsOwnSpellingOfALeadingTriggerWordStays() {
        ChipModel m = model("glshs, 1girl");
        assertThat(m.triggerLeads()).isTrue();
        assertThat(m.added("solo").text()).isEqualTo("glshs, 1girl, solo");
    }

    @Test
    void addingAppendsOnceAndNeverBeforeTheTriggerWord() {
        ChipModel m = model("GLSHS, 1girl");
        assertThat(m.added("solo").text()).isEqualTo("GLSHS, 1girl, solo");
        assertThat(m.added("1girl").text()).isEqualTo("GLSHS, 1girl");
        assertThat(m.added("  blue   eyes ").text()).isEqualTo("GLSHS, 1girl, blue eyes");
        assertThat(m.added("smile", 0).text()).isEqualTo("GLSHS, smile, 1girl");
        assertThat(m.added("glshs").text()).isEqualTo("GLSHS, 1girl");
        assertThat(m.added("a, b").text()).isEqualTo("GLSHS, 1girl");
    }

    @Test
    void theTriggerWordCannotBeRemovedMovedOrRenamed() {
        ChipModel m = model("GLSHS, 1girl, solo");
        assertThat(m.editable(0)).isFalse();
        assertThat(m.removed(0)).isEqualTo(m.caption());
        assertThat(m.moved(0, 2)).isEqualTo(m.caption());
        assertThat(m.replaced(0, "other")).isEqualTo(m.caption());
    }

    @Test
    void removingATag() {
        assertThat(model("GLSHS, 1girl, solo").removed(1).text()).isEqualTo("GLSHS, solo");
    }

    @Test
    void movingIsClampedBehindTheTriggerWord() {
        ChipModel m = model("GLSHS, a, b, c");
        assertThat(m.moved(3, 1).text()).isEqualTo("GLSHS, c, a, b");
        assertThat(m.moved(3, 0).text()).isEqualTo("GLSHS, c, a, b");
        assertThat(m.moved(1, 3).text()).isEqualTo("GLSHS, b, c, a");
        assertThat(m.moved(1, 99).text()).isEqualTo("GLSHS, b, c, a");
    }

    @Test
    void renamingMergesIntoATagThatIsThereAlready() {
        ChipModel m = model("GLSHS, blue hair, long hair, smile");
        assertThat(m.replaced(1, "red hair").text()).isEqualTo("GLSHS, red hair, long hair, smile");
        assertThat(m.replaced(3, "long hair").text()).isEqualTo("GLSHS, blue hair, long hair");
        assertThat(m.replaced(1, " ").text()).isEqualTo("GLSHS, long hair, smile");
        assertThat(m.replaced(1, "GLSHS")).isEqualTo(m.caption());
    }

    @Test
    void withoutATriggerWordEveryTagIsEditable() {
        ChipModel m = new ChipModel(Caption.parse("a, b"), null);
        assertThat(m.chips()).extracting(Chip::kind).containsOnly(Chip.Kind.TAG);
        assertThat(m.moved(1, 0).text()).isEqualTo("b, a");
        assertThat(m.removed(0).text()).isEqualTo("b");
    }
}
