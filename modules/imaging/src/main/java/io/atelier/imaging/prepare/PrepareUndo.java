package io.atelier.imaging.prepare;

import io.atelier.core.io.FileProgress;
import io.atelier.core.io.FreeName;
import io.atelier.core.project.ProjectLayout;
import io.atelier.core.project.ProjectTrash;
import io.atelier.imaging.hash.ContentHash;
import io.atelier.imaging.prepare.PrepareJournal.Item;
import io.atelier.imaging.prepare.PrepareJournal.State;
import io.atelier.imaging.report.FileProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes a Prepare back, in two resumable phases like the Prepare itself: the prepared images (and their captions)
 * still in the dataset move out to {@code .prepare/undo/}, then their originals are copied back under their
 * imported names with those captions beside them. Moving everything out first means an original named like a
 * prepared image ({@code 01.png} imported, {@code 01.png} prepared) never collides.
 */
final class PrepareUndo {

    private final ProjectLayout layout;
    private final FileMoves moves;
    private final Path undo;

    PrepareUndo(ProjectLayout layout, FileMoves moves) {
        this.layout = layout;
        this.moves = moves;
        this.undo = PrepareJournal.folder(layout).resolve("undo");
    }

    UndoResult run(PrepareJournal journal, FileProgress listener) throws IOException {
        if (journal.state() == State.DONE) {
            // Only images still there come back: one the user trashed after the Prepare stays trashed.
            journal = journal.mapItems(i -> i.restoring(Files.exists(layout.dataset().resolve(i.target()))))
                    .in(State.UNDOING_OUT);
            journal.write(layout);
        }
        return finish(journal, listener);
    }

    UndoResult finish(PrepareJournal journal) throws IOException {
        return finish(journal, FileProgress.NONE);
    }

    private UndoResult finish(PrepareJournal journal, FileProgress listener) throws IOException {
        Path dataset = layout.dataset();
        List<Item> restoring = journal.items().stream().filter(Item::restore).toList();
        if (journal.state() == State.UNDOING_OUT) {
            Files.createDirectories(undo);
            for (Item item : restoring) {
                Path image = dataset.resolve(item.target());
                if (Files.exists(image)) {
                    moves.move(image, preparedCopy(item));
                }
                Path caption = dataset.resolve(item.targetCaption());
                if (Files.exists(caption)) {
                    moves.move(caption, undo.resolve(item.index() + ".txt"));
                }
            }
            journal = journal.in(State.UNDOING_IN);
            journal.write(layout);
        }
        List<FileProblem> problems = new ArrayList<>();
        ProjectTrash trash = new ProjectTrash(layout);
        int restored = 0;
        for (Item item : restoring) {
            Path original = layout.originals().resolve(item.original());
            Path image = restoredName(original, dataset.resolve(item.original()));
            if (!Files.exists(original)) {
                problems.add(new FileProblem(item.target(), "the original " + original
                        + " is gone; the prepared image was kept"));
                Path prepared = preparedCopy(item);
                if (Files.exists(prepared)) {
                    moves.move(prepared, FreeName.of(dataset.resolve(item.target())));
                }
                continue;
            }
            if (!Files.exists(image)) {
                moves.copy(original, image);
            }
            restored++;
            Path caption = undo.resolve(item.index() + ".txt");
            if (Files.exists(caption)) {
                Path beside = captionOf(image);
                if (!Files.exists(beside)) {
                    moves.move(caption, beside);
                } else if (Arrays.equals(Files.readAllBytes(beside), Files.readAllBytes(caption))) {
                    Files.delete(caption); // two prepared images of one original shared this caption
                } else {
                    trash.moveToTrashAs(caption, dataset.resolve(item.targetCaption()));
                    problems.add(new FileProblem(item.target(), "the caption of " + item.target()
                            + " differs from " + beside.getFileName() + ", already restored; it was moved to .trash/"));
                }
            }
            Path prepared = preparedCopy(item);
            if (Files.exists(prepared)) {
                if (item.targetHash() != null && item.targetHash().equals(ContentHash.of(prepared))) {
                    Files.delete(prepared); // made from the original, which is back: nothing is lost
                } else {
                    trash.moveToTrashAs(prepared, dataset.resolve(item.target()));
                    problems.add(new FileProblem(item.target(), item.target()
                            + " was edited after Prepare; the edited file was moved to .trash/"));
                }
            }
            listener.fileDone(restored, restoring.size(), item.original());
        }
        journal = journal.in(State.UNDONE);
        journal.write(layout);
        DatasetPreparer.clear(undo);
        return new UndoResult(restored, problems, false);
    }

    private Path preparedCopy(Item item) {
        return undo.resolve(item.index() + "." + item.target().substring(item.target().lastIndexOf('.') + 1));
    }

    /**
     * Where an original comes back: its imported name, unless a different file took that name since (an image
     * added after the Prepare); then a free suffixed name. A copy already there from a resumed undo is reused.
     */
    private static Path restoredName(Path original, Path wanted) throws IOException {
        Path candidate = wanted;
        for (int n = 2; Files.exists(candidate); n++) {
            if (Files.exists(original) && Files.size(candidate) == Files.size(original)
                    && ContentHash.of(candidate).equals(ContentHash.of(original))) {
                return candidate;
            }
            candidate = FreeName.suffixed(wanted, n);
        }
        return candidate;
    }

    private static Path captionOf(Path image) {
        String n = image.getFileName().toString();
        return image.resolveSibling(n.substring(0, n.lastIndexOf('.')) + ".txt");
    }
}
