package io.atelier.gallery.compare;

import io.atelier.core.compare.RunComparison;
import io.atelier.core.gallery.ContactSheet;
import io.atelier.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The Compare window's exports, each written atomically so a failed write never leaves half a file. */
public final class ComparisonExport {

    /** Thumbnail size of a contact-sheet cell: large enough to judge an epoch, small enough to share. */
    static final int CELL = 256;

    private ComparisonExport() {
    }

    public static void csv(RunComparison comparison, Path target) throws IOException {
        AtomicFiles.write(target, comparison.toCsv().getBytes(StandardCharsets.UTF_8));
    }

    public static void json(RunComparison comparison, Path target) throws IOException {
        AtomicFiles.write(target, comparison.toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** One section per run: its grid on its own base model, every prompt, the picked epoch starred. */
    public static void contactSheet(List<ComparedRun> runs, Path target) throws IOException {
        ContactSheet.write(target, sections(runs), CELL);
    }

    static List<ContactSheet.Section> sections(List<ComparedRun> runs) {
        return runs.stream().map(r -> ContactSheet.section(r.label(), r.grid(), r.bestEpoch())).toList();
    }

    /** The file name offered in the save dialog; the extension is added when the user leaves it off. */
    public static Path withExtension(Path chosen, String extension) {
        String name = chosen.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith("." + extension) ? chosen
                : chosen.resolveSibling(name + "." + extension);
    }
}
