package io.atelier.imaging.importing;

/**
 * One file or archive entry that was not imported, and why. The rest of the batch goes on.
 *
 * @param item    the source file path, or {@code archive.zip!entry/name} for an entry in an archive
 * @param message a reason a user can act on
 */
public record ImportProblem(String item, String message) {

    @Override
    public String toString() {
        return item + ": " + message;
    }
}
