package io.atelier.cli;

import io.atelier.core.params.ParamChange;
import io.atelier.core.params.TrainingConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier config set DIR KEY=VALUE...}: all or nothing. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Sets parameters (KEY=VALUE, e.g. network_dim=16 unet_lr=2e-4 enable_bucket=true). Every value "
                + "is checked first; on any error nothing is written.")
final class ConfigSetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder")
    Path dir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY=VALUE")
    List<String> assignments;

    @Override
    public Integer call() {
        ProjectConfigs p = ProjectConfigs.read(dir);
        TrainingConfig next = p.config().config();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new CliFailure("\"" + a + "\" is not KEY=VALUE");
            }
            try {
                next = next.withParsed(a.substring(0, eq).strip(), a.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage() + "; nothing was changed", e);
            }
        }
        List<ParamChange> changes = p.config().config().diff(next);
        try {
            p.config().with(next).write(p.layout());
        } catch (IOException e) {
            throw new CliFailure("cannot write " + io.atelier.core.params.ProjectConfig.file(p.layout()) + ": "
                    + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ParamChange c : changes) {
            out.println(c.key() + ": " + c.before() + " -> " + c.after());
        }
        out.println(changes.isEmpty() ? "Nothing changed." : changes.size() + " parameter(s) changed.");
        return 0;
    }
}
