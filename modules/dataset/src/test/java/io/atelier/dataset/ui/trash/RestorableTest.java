package io.atelier.dataset.ui.trash;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.project.TrashedFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Restore from Trash list: captions trashed with their images come back with them, not on their own. */
class RestorableTest {

    private static final Path ROOT = Path.of("/loras/glass");
    private static final Instant T1 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-29T09:00:00Z");

    private static TrashedFile trashed(String batch, String name, Instant when) {
        return new TrashedFile(ROOT.resolve(".trash").resolve(batch).resolve("dataset").resolve(name),
                ROOT.resolve("dataset").resolve(name), when);
    }

    @Test
    void aCaptionTrashedWithItsImageIsFoldedIntoIt() {
        List<Restorable> entries = Restorable.of(List.of(
                trashed("b2", "03.png", T2), trashed("b2", "03.txt", T2),
                trashed("b1", "01.jpg", T1)));
        assertThat(entries).extracting(r -> r.file().originalLocation().getFileName().toString())
                .containsExactly("03.png", "01.jpg");
        assertThat(entries).extracting(Restorable::withCaption).containsExactly(true, false);
    }

    @Test
    void aCaptionWhoseImageIsNotInTheSameBatchIsOfferedOnItsOwn() {
        List<Restorable> entries = Restorable.of(List.of(
                trashed("b2", "03.txt", T2), trashed("b1", "03.png", T1)));
        assertThat(entries).extracting(r -> r.file().trashed().getFileName().toString())
                .containsExactly("03.txt", "03.png");
        assertThat(entries).extracting(Restorable::withCaption).containsExactly(false, false);
    }

    @Test
    void imageExtensionsAreMatchedWithoutRegardToCase() {
        List<Restorable> entries = Restorable.of(List.of(trashed("b1", "IMG_1.JPG", T1),
                trashed("b1", "IMG_1.txt", T1)));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).withCaption()).isTrue();
    }
}
