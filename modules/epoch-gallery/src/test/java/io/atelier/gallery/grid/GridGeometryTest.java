package io.atelier.gallery.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

class GridGeometryTest {

    private final GridGeometry g = GridGeometry.of(21, 10, 160);

    @Test
    void everyCellsCentreMapsBackToThatCell() {
        for (int r = 0; r < 21; r++) {
            for (int c = 0; c < 10; c++) {
                Rectangle b = g.cellBounds(r, c);
                assertThat(g.cellAt(new Point(b.x + b.width / 2, b.y + b.height / 2))).isEqualTo(new Point(c, r));
                assertThat(g.cellAt(new Point(b.x, b.y))).isEqualTo(new Point(c, r));
                assertThat(g.cellAt(new Point(b.x + b.width - 1, b.y + b.height - 1))).isEqualTo(new Point(c, r));
            }
        }
    }

    @Test
    void gapsLabelsAndHeadersAreNoCell() {
        Rectangle b = g.cellBounds(0, 0);
        assertThat(g.cellAt(new Point(b.x + b.width + 1, b.y + 5))).isNull(); // the gap
        assertThat(g.cellAt(new Point(5, b.y + 5))).isNull();                // the epoch label
        assertThat(g.cellAt(new Point(b.x + 5, 5))).isNull();                // the header
        assertThat(g.cellAt(new Point(g.size().width - 1, g.size().height - 1))).isNull();
    }

    @Test
    void theGridIsAsLargeAsItsLastCellAndAGap() {
        Rectangle last = g.cellBounds(20, 9);
        assertThat(g.size().width).isEqualTo(last.x + last.width + g.gap());
        assertThat(g.size().height).isEqualTo(last.y + last.height + g.gap());
    }

    @Test
    void onlyTheRowsAndColumnsInABandArePainted() {
        Rectangle r3 = g.cellBounds(3, 4);
        int[] rows = g.rowsIn(r3.y, r3.y + r3.height - 1);
        int[] cols = g.columnsIn(r3.x, r3.x + r3.width - 1);
        assertThat(rows).containsExactly(3, 3);
        assertThat(cols).containsExactly(4, 4);
        assertThat(g.rowsIn(0, 100_000)).containsExactly(0, 20);
        assertThat(g.columnsIn(0, 100_000)).containsExactly(0, 9);
    }
}
