package io.atelier.imaging.importing;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported  images written, in the order they were imported
 * @param problems  files and entries left out, each with its reason
 * @param cancelled true when the user stopped the import; everything listed in {@code imported} is complete
 */
public record ImportResult(List<ImportedFile> imported, List<ImportProblem> problems, boolean cancelled) {

    public ImportResult {
        imported = List.copyOf(imported);
        problems = List.copyOf(problems);
    }

    /** How many captions came along with their images. */
    public int captionsCarried() {
        return (int) imported.stream().filter(f -> f.caption() != null).count();
    }
}
