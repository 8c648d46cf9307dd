package io.atelier.dataset.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;
import org.junit.jupiter.api.Test;

/** The grid's list: the listing narrowed by a filter, rows found by file. */
class GridModelTest {

    private static DatasetImage image(String name) {
        return new DatasetImage(Path.of("/p/dataset", name), 10, 1);
    }

    @Test
    void filtersAndFindsRowsByFile() {
        GridModel model = new GridModel();
        model.setImages(List.of(image("01.png"), image("02.png"), image("03.png")));
        assertThat(model.getSize()).isEqualTo(3);
        assertThat(model.rowOf(Path.of("/p/dataset/03.png"))).isEqualTo(2);

        model.setFilter(i -> !i.name().equals("02.png"));
        assertThat(model.shown()).extracting(DatasetImage::name).containsExactly("01.png", "03.png");
        assertThat(model.rowOf(Path.of("/p/dataset/03.png"))).isEqualTo(1);
        assertThat(model.rowOf(Path.of("/p/dataset/02.png"))).isEqualTo(-1);
        assertThat(model.all()).hasSize(3);
    }

    @Test
    void theFilterStaysWhenTheListingChanges() {
        GridModel model = new GridModel();
        model.setFilter(i -> i.name().startsWith("a"));
        model.setImages(List.of(image("a1.png"), image("b1.png")));
        model.setImages(List.of(image("a1.png"), image("a2.png"), image("b1.png")));
        assertThat(model.shown()).extracting(DatasetImage::name).containsExactly("a1.png", "a2.png");
    }

    @Test
    void refilterReRunsAFilterWhoseInputsChanged() {
        GridModel model = new GridModel();
        List<String> wanted = new ArrayList<>(List.of("01.png"));
        model.setFilter(i -> wanted.contains(i.name()));
        model.setImages(List.of(image("01.png"), image("02.png")));
        wanted.add("02.png");
        assertThat(model.getSize()).isEqualTo(1);
        model.refilter();
        assertThat(model.getSize()).isEqualTo(2);
    }

    @Test
    void tellsTheListWhatWasRemovedAndAdded() {
        GridModel model = new GridModel();
        model.setImages(List.of(image("01.png"), image("02.png")));
        List<String> events = new ArrayList<>();
        model.addListDataListener(new ListDataListener() {
            @Override
            public void intervalAdded(ListDataEvent e) {
                events.add("added " + e.getIndex0() + "-" + e.getIndex1());
            }

            @Override
            public void intervalRemoved(ListDataEvent e) {
                events.add("removed " + e.getIndex0() + "-" + e.getIndex1());
            }

            @Override
            public void contentsChanged(ListDataEvent e) {
                events.add("changed");
            }
        });
        model.setImages(List.of(image("01.png"), image("02.png"), image("03.png")));
        assertThat(events).containsExactly("removed 0-1", "added 0-2");
    }
}
