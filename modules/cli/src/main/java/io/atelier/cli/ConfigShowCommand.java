package io.atelier.cli;

import io.atelier.core.params.ParamDef;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier config show DIR}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Every parameter of the project's configuration by section, with its unit; * marks values "
                + "that differ from the preset it started from.")
final class ConfigShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--json", description = "machine-readable output: {preset, values}")
    boolean json;

    record Result(String project, String preset, Map<String, Object> values) {
    }

    @Override
    public Integer call() {
        ProjectConfigs p = ProjectConfigs.read(dir);
        TrainingConfig config = p.config().config();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(new Result(p.layout().root().toString(), p.config().preset(), config.values())));
            return 0;
        }
        TrainingConfig start = io.atelier.core.params.ProjectConfig.startingPoint(p.project()).config();
        out.println("Preset: " + (p.config().preset() == null ? "(none)" : p.config().preset()));
        TextTable table = new TextTable("SECTION", "KEY", "VALUE", "UNIT", "");
        for (ParamDef d : Params.all()) {
            Object value = config.get(d);
            String shown = String.valueOf(value).replace("\n", " ⏎ ");
            table.row(d.section().title(), d.key(), shown.length() > 60 ? shown.substring(0, 57) + "..." : shown,
                    d.unit(), value.equals(start.get(d)) ? "" : "*");
        }
        table.print(out);
        return 0;
    }
}
