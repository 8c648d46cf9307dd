package io.atelier.cli;

import io.atelier.core.caption.BatchPreview;
import io.atelier.core.caption.BatchResult;
import io.atelier.core.caption.CaptionBatch;
import io.atelier.core.caption.CaptionChange;
import io.atelier.core.caption.CaptionEdit;
import io.atelier.core.caption.CaptionProblem;
import io.atelier.core.project.ProjectLayout;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One caption edit over the images in scope, as every {@code tags} editing command runs it: preview, then (unless
 * {@code --dry-run}) the atomic writes; the changes, a sample of before → after, and every caption left alone.
 */
final class CaptionEditRun {

    private static final int SAMPLE = 5;

    record Change(String file, String before, String after) {
    }

    record Problem(String file, String message) {
    }

    record Result(String project, String edit, int images, int changes, int unchanged, Integer written,
                  List<Change> sample, List<Problem> problems) {
    }

    private CaptionEditRun() {
    }

    static int run(CommandSpec spec, CaptionScope scope, CaptionEdit edit, boolean dryRun, boolean json) {
        ProjectLayout layout = scope.layout();
        String trigger = scope.trigger(layout);
        CaptionScope.Selection selection = scope.images(layout);
        BatchPreview preview = CaptionBatch.preview(selection.images(), edit, trigger);
        List<CaptionProblem> problems = new ArrayList<>(selection.unreadable());
        problems.addAll(preview.problems());
        Integer written = null;
        if (!dryRun) {
            BatchResult result = CaptionBatch.apply(preview, null);
            written = result.written();
            problems.addAll(result.conflicts());
        }
        List<Change> sample = new ArrayList<>();
        for (CaptionChange c : preview.sample(json ? preview.changes().size() : SAMPLE)) {
            sample.add(new Change(c.image().getFileName().toString(), c.before().caption().text(), c.after().text()));
        }
        List<Problem> listed = problems.stream().map(p -> new Problem(p.file().getFileName().toString(), p.message()))
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(new Result(layout.root().toString(), edit.describe(), selection.images().size(),
                    preview.changes().size(), preview.unchanged(), written, sample, listed)));
        } else {
            out.println(edit.describe() + ": " + preview.changes().size() + " of " + selection.images().size()
                    + " captions " + (dryRun ? "would change" : "changed") + ", " + preview.unchanged() + " unchanged.");
            for (Change c : sample) {
                out.println("  " + c.file() + ": " + c.before() + "  ->  " + c.after());
            }
            if (preview.changes().size() > sample.size()) {
                out.println("  ... and " + (preview.changes().size() - sample.size()) + " more");
            }
            if (dryRun) {
                out.println("Dry run: nothing was written.");
            }
            for (Problem p : listed) {
                out.println("Left alone: " + p.message());
            }
        }
        return problems.isEmpty() ? 0 : AtelierCommand.PARTIAL;
    }
}
