package io.atelier.cli;

import io.atelier.core.params.ConfigChecks;
import io.atelier.core.params.ConfigWarning;
import io.atelier.imaging.report.DatasetFactsScan;
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

/** {@code atelier config check DIR}: warnings with their fixes; findings do not fail the command. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks the configuration against the dataset and the workflow's advice; each warning comes "
                + "with its fix (apply parameter fixes with atelier config set).")
final class ConfigCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--built-in", description = "check for the built-in engine (no bitsandbytes)")
    boolean builtIn;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        ProjectConfigs p = ProjectConfigs.read(dir);
        DatasetFactsScan.Result scan;
        try {
            scan = DatasetFactsScan.scan(p.layout(), p.project().triggerWord());
        } catch (IOException e) {
            throw new CliFailure("cannot read " + p.layout().dataset() + ": " + e.getMessage(), e);
        }
        List<ConfigWarning> warnings = ConfigChecks.check(p.config().config(), scan.facts(),
                p.project().triggerWord(), builtIn);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(warnings));
            return 0;
        }
        for (ConfigWarning w : warnings) {
            out.println((w.severity() == ConfigWarning.Severity.WARNING ? "Warning: " : "Note: ") + w.message());
            StringBuilder fix = new StringBuilder("  Fix: " + w.fix());
            if (!w.fixValues().isEmpty()) {
                fix.append("  (atelier config set ").append(dir);
                w.fixValues().forEach((k, v) -> fix.append(' ').append(k).append('=').append(v));
                fix.append(')');
            }
            out.println(fix);
        }
        out.println(warnings.isEmpty() ? "No warnings." : warnings.size() + " finding(s).");
        return 0;
    }
}
