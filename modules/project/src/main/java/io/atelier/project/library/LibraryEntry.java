package io.atelier.project.library;

import io.atelier.core.project.FolderCheck;
import io.atelier.core.project.LoraProject;
import io.atelier.store.RegisteredProject;

/**
 * One row of the LoRA Library: what the store remembers of a project, checked against its folder.
 * A folder that is gone or a descriptor that no longer reads becomes a state of the row, not an error dialog.
 *
 * @param bestEpoch the best-epoch pick of its newest picked run ({@link BestEpochs}), or null
 */
record LibraryEntry(RegisteredProject registered, FolderCheck check, String bestEpoch) {

    static LibraryEntry of(RegisteredProject registered, String bestEpoch) {
        return new LibraryEntry(registered, FolderCheck.of(registered.project().id(), registered.folder()),
                bestEpoch);
    }

    /** The descriptor as on disk when readable (a hand edit may have renamed it), else as the store has it. */
    LoraProject project() {
        return check.project().orElse(registered.project());
    }

    boolean ok() {
        return check.state() == FolderCheck.State.OK;
    }
}
