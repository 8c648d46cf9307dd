package io.atelier.cli;

import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.prepare.DatasetPreparer;
import io.atelier.imaging.prepare.OutputFormat;
import io.atelier.imaging.prepare.PrepareOptions;
import io.atelier.imaging.prepare.PrepareResult;
import io.atelier.imaging.prepare.PreparedImage;
import io.atelier.imaging.report.FileProblem;
import io.atelier.imaging.resample.Resampler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier dataset prepare DIR}: resize, re-encode and rename the dataset; resumable and undoable. */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = {"Resizes every image from its original to the long side (smaller ones upscaled with "
                + "Mitchell, larger ones downscaled with Lanczos), writes PNG or JPEG (quality 95), and renames them "
                + "01.png, 02.png, ... in natural name order, captions moving along. Running it again with the same "
                + "options does nothing; after an interruption it finishes the job. Undo: atelier dataset "
                + "undo-prepare DIR.",
                "Exit 0: done; " + AtelierCommand.PARTIAL + ": some images could not be read and were left as they "
                        + "were (each is listed)."})
final class DatasetPrepareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--long-side", paramLabel = "N", defaultValue = "" + Resampler.DEFAULT_LONG_SIDE,
            description = "long side in pixels: 1024 (default), 1536, 2048, or any from "
                    + PrepareOptions.MIN_LONG_SIDE + " to " + PrepareOptions.MAX_LONG_SIDE)
    int longSide;

    @Option(names = "--format", paramLabel = "png|jpg", defaultValue = "png",
            description = "output format (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    record Result(String project, int longSide, String format, boolean alreadyPrepared, int images, long upscaled,
                  List<PreparedImage> prepared, List<FileProblem> problems, List<FileProblem> notes) {
    }

    @Override
    public Integer call() {
        PrepareOptions options;
        try {
            options = new PrepareOptions(longSide, OutputFormat.parse(format));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        ProjectLayout layout = ProjectDirs.layout(dir);
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        PrepareResult result;
        try {
            result = new DatasetPreparer().prepare(layout, options, progress::step, null);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        } finally {
            progress.finish();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(new Result(layout.root().toString(), options.longSide(),
                    options.format().extension(), result.alreadyPrepared(), result.prepared().size(),
                    result.upscaled(), result.prepared(), result.problems(), result.notes())));
        } else if (result.alreadyPrepared()) {
            out.println("Already prepared: " + result.prepared().size() + " images at " + options.longSide() + " px "
                    + options.format() + "; nothing to do.");
        } else {
            TextTable table = new TextTable("IMAGE", "FROM", "ORIGINAL", "SIZE", "SCALE");
            for (PreparedImage p : result.prepared()) {
                table.row(p.target(), p.source(), p.original(), p.width() + "x" + p.height(),
                        String.format(Locale.ROOT, "x%.2f%s", p.scale(), p.upscaled() ? " (upscaled)" : ""));
            }
            table.print(out);
            out.println("Prepared " + result.prepared().size() + " images to " + options.longSide() + " px "
                    + options.format() + " (" + result.upscaled() + " upscaled) in " + layout.dataset() + ".");
        }
        if (!json) {
            for (FileProblem n : result.notes()) {
                out.println("Note: " + n.message());
            }
            if (!result.problems().isEmpty()) {
                out.println("Left as they were: " + result.problems().size());
                for (FileProblem p : result.problems()) {
                    out.println("  " + p.message());
                }
            }
        }
        return result.problems().isEmpty() ? 0 : AtelierCommand.PARTIAL;
    }
}
