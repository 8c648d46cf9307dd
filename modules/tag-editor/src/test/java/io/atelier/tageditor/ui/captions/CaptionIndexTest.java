package io.atelier.tageditor.ui.captions;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.caption.Caption;
import io.atelier.core.caption.CaptionText;
import io.atelier.core.caption.FileStamp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the window shows: edits at once, the disk's version only while none of ours is on its way. */
class CaptionIndexTest {

    private static final Path IMG = Path.of("/p/dataset/01.png");

    private static CaptionText text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new CaptionText(IMG, Path.of("/p/dataset/01.txt"), s, Caption.parse(s), FileStamp.of(b), false, null);
    }

    @Test
    void anEditShowsAtOnceAndChainsWhileAWriteIsOnItsWay() {
        CaptionIndex index = new CaptionIndex();
        List<Set<Path>> changes = new ArrayList<>();
        index.addListener(changes::add);
        CaptionText v1 = text("a");
        index.replaceAll(List.of(IMG), Map.of(IMG, v1), Map.of());

        assertThat(index.edited(IMG, Caption.parse("a, b"))).isEqualTo(v1.stamp());
        assertThat(index.edited(IMG, Caption.parse("a, b, c"))).isNull();
        assertThat(index.caption(IMG).text()).isEqualTo("a, b, c");
        assertThat(index.pending(IMG)).isTrue();

        index.settled(IMG, text("a, b\n"));
        assertThat(index.caption(IMG).text()).isEqualTo("a, b, c");   // the second write is still on its way
        index.settled(IMG, text("a, b, c\n"));
        assertThat(index.caption(IMG).text()).isEqualTo("a, b, c");
        assertThat(index.pending(IMG)).isFalse();
        assertThat(changes).isNotEmpty();
    }

    @Test
    void aChangeOnDiskIsTakenOverOnlyWhenNoWriteIsPending() {
        CaptionIndex index = new CaptionIndex();
        index.replaceAll(List.of(IMG), Map.of(IMG, text("a")), Map.of());
        index.edited(IMG, Caption.parse("a, mine"));
        assertThat(index.reread(text("a, theirs"))).isFalse();
        assertThat(index.caption(IMG).text()).isEqualTo("a, mine");
        index.settled(IMG, text("a, mine\n"));
        assertThat(index.reread(text("a, theirs"))).isTrue();
        assertThat(index.caption(IMG).text()).isEqualTo("a, theirs");
        assertThat(index.reread(text("a, theirs"))).isFalse();
    }

    @Test
    void anUnreadableCaptionIsNotEditable() {
        CaptionIndex index = new CaptionIndex();
        index.replaceAll(List.of(IMG), Map.of(), Map.of(IMG, "/p/dataset/01.txt: binary data"));
        assertThat(index.editable(IMG)).isFalse();
        assertThat(index.problem(IMG)).contains("binary");
        assertThat(index.caption(IMG).isEmpty()).isTrue();
    }

    @Test
    void statisticsFollowTheCaptionsShown() {
        CaptionIndex index = new CaptionIndex();
        index.replaceAll(List.of(IMG), Map.of(IMG, text("a, b")), Map.of());
        assertThat(index.counts()).containsEntry("a", 1).containsEntry("b", 1);
        index.edited(IMG, Caption.parse("a, c"));
        assertThat(index.counts()).containsEntry("c", 1).doesNotContainKey("b");
    }
}
