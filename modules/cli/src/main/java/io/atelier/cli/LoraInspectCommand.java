package io.atelier.cli;

import io.atelier.core.lora.inspect.LoraInspector;
import io.atelier.core.lora.inspect.LoraReport;
import io.atelier.core.lora.inspect.LoraReportText;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier lora inspect FILE}: what a LoRA file is, what it was trained on and how. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "What a LoRA .safetensors file holds: kind (LoRA, LoCon, LoHa, LoKr, DoRA), base model and the "
                + "evidence for it, dim/alpha, modules per part of the model, trained tags, training parameters, and "
                + "any metadata that cannot be read. Reads only the header and the alpha values.")
final class LoraInspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the LoRA file (.safetensors)")
    Path file;

    @Option(names = "--json", description = "the full report, machine-readable")
    boolean json;

    @Override
    public Integer call() {
        Path absolute = file.toAbsolutePath().normalize();
        LoraReport report;
        try {
            report = LoraInspector.inspect(absolute);
        } catch (IOException e) {
            throw new CliFailure(oneLine(absolute, e), e);
        }
        if (json) {
            spec.commandLine().getOut().println(Json.write(LoraInspectJson.of(report)));
        } else {
            new LoraReportText(report).print(spec.commandLine().getOut());
        }
        return 0;
    }

    /** The file-system exceptions whose message is just the path get their reason spelled out. */
    private static String oneLine(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return file + ": cannot be read (permission denied)";
        }
        if (e instanceof FileSystemException f && f.getReason() == null) {
            return file + ": cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        return e.getMessage() == null ? file + ": cannot be read (" + e + ")" : e.getMessage();
    }
}
