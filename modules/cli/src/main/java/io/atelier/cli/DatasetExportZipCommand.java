package io.atelier.cli;

import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.export.DatasetZipExporter;
import io.atelier.imaging.export.ExportResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier dataset export-zip DIR OUT.zip}: images and captions in one zip, the Civitai upload format. */
@Command(name = "export-zip", mixinStandardHelpOptions = true,
        description = "Writes the dataset's images and .txt captions, flat, into one zip (the upload format of "
                + "Civitai's trainer). An existing OUT.zip is replaced only once the new one is complete.")
final class DatasetExportZipCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder")
    Path dir;

    @Parameters(index = "1", paramLabel = "OUT.zip", description = "the zip to write")
    Path zip;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectDirs.layout(dir);
        ExportResult result;
        try {
            result = new DatasetZipExporter().export(layout, zip, null);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(new Result(result.zip().toString(), result.images(), result.captions(),
                    result.uncaptioned(), result.bytes())));
            return 0;
        }
        out.println("Wrote " + result.zip() + ": " + result.images() + " images, " + result.captions()
                + " captions, " + result.bytes() + " bytes.");
        if (!result.uncaptioned().isEmpty()) {
            out.println("Without caption: " + String.join(", ", result.uncaptioned()));
        }
        return 0;
    }

    record Result(String zip, int images, int captions, java.util.List<String> uncaptioned, long bytes) {
    }
}
