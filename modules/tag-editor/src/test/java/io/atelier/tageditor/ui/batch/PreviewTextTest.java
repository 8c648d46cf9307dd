package io.atelier.tageditor.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.caption.BatchPreview;
import io.atelier.core.caption.Caption;
import io.atelier.core.caption.CaptionChange;
import io.atelier.core.caption.CaptionEdit;
import io.atelier.core.caption.CaptionProblem;
import io.atelier.core.caption.CaptionText;
import io.atelier.core.caption.FileStamp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview of a batch: counts, added tags marked, removed ones struck through, a reordering shown both ways. */
class PreviewTextTest {

    private static CaptionChange change(String name, String before, String after) {
        Path image = Path.of("/p/dataset", name);
        CaptionText t = new CaptionText(image, Path.of("/p/dataset/x.txt"), before, Caption.parse(before),
                FileStamp.ABSENT, false, null);
        return new CaptionChange(image, t, Caption.parse(after));
    }

    @Test
    void countsAndMarksWhatChanges() {
        BatchPreview p = new BatchPreview(new CaptionEdit.ReplaceTag("a", "b"),
                List.of(change("01.png", "t, a, c", "t, b, c")), 4,
                List.of(new CaptionProblem(Path.of("/p/dataset/09.txt"), "/p/dataset/09.txt: binary data")));
        String html = PreviewText.html(p);
        assertThat(html).contains("1 caption changes").contains("4 unchanged")
                .contains("1 caption cannot be read").contains("09.txt: binary data")
                .contains("<b>01.png</b>").contains("<b>b</b>").contains("<s>a</s>");
    }

    @Test
    void aReorderingShowsBothOrders() {
        BatchPreview p = new BatchPreview(new CaptionEdit.SortTags("t"), List.of(change("01.png", "t, c, a", "t, a, c")),
                0, List.of());
        assertThat(PreviewText.html(p)).contains("before: t, c, a").contains("after: t, a, c");
    }

    @Test
    void onlyASampleOfManyChanges() {
        List<CaptionChange> many = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> change(i + ".png", "x", "x, y")).toList();
        String html = PreviewText.html(new BatchPreview(new CaptionEdit.AddTag("y", -1), many, 0, List.of()));
        assertThat(html).contains("20 captions change").contains("The first 8 of 20");
    }

    @Test
    void removedDuplicatesCountAsRemoved() {
        assertThat(PreviewText.minus(List.of("a", "b", "a"), List.of("a", "b"))).containsExactly("a");
    }
}
