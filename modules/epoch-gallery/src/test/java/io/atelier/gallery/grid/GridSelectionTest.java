package io.atelier.gallery.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridSelectionTest {

    @Test
    void movesClampAtTheEdgesInsteadOfWrapping() {
        GridSelection s = new GridSelection();
        s.reshape(21, 10); // base model + 20 epochs × 10 prompts
        assertThat(s.move(0, -1)).isFalse();
        assertThat(s.move(-1, 0)).isFalse();
        assertThat(s.move(0, 1)).isTrue();
        assertThat(s.move(1, 0)).isTrue();
        assertThat(s.row()).isEqualTo(1);
        assertThat(s.column()).isEqualTo(1);
        s.select(100, 100);
        assertThat(s.row()).isEqualTo(20);
        assertThat(s.column()).isEqualTo(9);
        assertThat(s.move(1, 1)).isFalse();
    }

    @Test
    void aSmallerGridKeepsTheSelectionInsideAndDropsAMarkThatNoLongerFits() {
        GridSelection s = new GridSelection();
        s.reshape(5, 5);
        s.select(4, 4);
        s.toggleMark();
        assertThat(s.isMarked(4, 4)).isTrue();
        s.reshape(3, 2);
        assertThat(s.row()).isEqualTo(2);
        assertThat(s.column()).isEqualTo(1);
        assertThat(s.hasMark()).isFalse();
    }

    @Test
    void markingTheMarkedCellAgainClearsIt() {
        GridSelection s = new GridSelection();
        s.reshape(3, 3);
        s.select(1, 2);
        s.toggleMark();
        s.move(1, 0);
        assertThat(s.isMarked(1, 2)).isTrue();
        s.toggleMark(); // moves the mark to the current cell
        assertThat(s.isMarked(2, 2)).isTrue();
        s.toggleMark();
        assertThat(s.hasMark()).isFalse();
    }

    @Test
    void anEmptyGridHasNothingToSelectOrMark() {
        GridSelection s = new GridSelection();
        s.reshape(0, 0);
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.move(1, 1)).isFalse();
        s.toggleMark();
        assertThat(s.hasMark()).isFalse();
    }
}
