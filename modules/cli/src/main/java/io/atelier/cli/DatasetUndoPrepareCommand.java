package io.atelier.cli;

import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.prepare.DatasetPreparer;
import io.atelier.imaging.prepare.UndoResult;
import io.atelier.imaging.report.FileProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier dataset undo-prepare DIR}: the originals back under their imported names. */
@Command(name = "undo-prepare", mixinStandardHelpOptions = true,
        description = "Takes the last prepare back: the originals return from dataset/.originals/ under their "
                + "imported names, each with its current caption; prepared images edited since go to .trash/.")
final class DatasetUndoPrepareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectDirs.layout(dir);
        UndoResult result;
        try {
            result = new DatasetPreparer().undo(layout, null, null);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Restored " + result.restored() + " original(s) in " + layout.dataset() + ".");
        for (FileProblem p : result.problems()) {
            out.println("Note: " + p.message());
        }
        return 0;
    }
}
