package io.atelier.cli;

import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.importing.DatasetImporter;
import io.atelier.imaging.importing.ImportProblem;
import io.atelier.imaging.importing.ImportResult;
import io.atelier.imaging.importing.ImportedFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier dataset import DIR SRC...}: images from files, folders and zips into the project's dataset. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Copies images (PNG, JPEG, WebP, BMP, GIF, TIFF) from files, folders (recursive) and .zip "
                + "archives into the project's dataset/, originals kept in dataset/.originals/, captions (.txt or "
                + ".caption) alongside. Nothing is overwritten: a taken name gets a suffix.",
                "Exit 0: all imported; " + AtelierCommand.PARTIAL + ": some files were left out (each is listed)."})
final class DatasetImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder")
    Path dir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SRC", description = "image files, folders, zip archives")
    List<Path> sources;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    record Imported(String source, String image, String caption) {
    }

    record Result(String project, int imported, int captions, List<Imported> files, List<ImportProblem> problems) {
    }

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectDirs.layout(dir);
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        ImportResult result;
        try {
            result = new DatasetImporter().importInto(layout, sources, progress::step, null);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        } finally {
            progress.finish();
        }
        List<Imported> files = result.imported().stream().map(f -> imported(layout, f)).toList();
        if (json) {
            out.println(Json.write(new Result(layout.root().toString(), files.size(), result.captionsCarried(), files,
                    result.problems())));
        } else {
            TextTable table = new TextTable("SOURCE", "IMAGE", "CAPTION");
            for (Imported f : files) {
                table.row(f.source(), f.image(), f.caption() == null ? "-" : f.caption());
            }
            table.print(out);
            out.println("Imported " + files.size() + " image(s) into " + layout.dataset() + ", "
                    + result.captionsCarried() + " with a caption.");
            if (!result.problems().isEmpty()) {
                out.println("Left out: " + result.problems().size());
                for (ImportProblem p : result.problems()) {
                    out.println("  " + p);
                }
            }
        }
        return result.problems().isEmpty() ? 0 : AtelierCommand.PARTIAL;
    }

    private static Imported imported(ProjectLayout layout, ImportedFile f) {
        return new Imported(f.source(), f.image().getFileName().toString(),
                f.caption() == null ? null : f.caption().getFileName().toString());
    }
}
