package io.atelier.cli;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.run.EngineAvailability;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.run.TrainingEngine;
import io.atelier.runner.RunException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code atelier engine}: the training engines, what each can do here, and their settings (shared with the app). */
@Command(name = "engine", mixinStandardHelpOptions = true, description = "Training engines and their settings.")
final class EngineCommands {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AtelierCommand root;

    record Listed(String id, String name, String version, List<String> families, boolean usable, boolean cuda,
                  boolean canResume, String message, Map<String, String> settings) {
    }

    @Command(name = "list", description = "Each engine: whether it can train here, on CUDA or the CPU, and why not.")
    int list(@Option(names = "--json") boolean json) {
        List<Listed> listed = new ArrayList<>();
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            for (TrainingEngine e : s.runs.engines().engines()) {
                EngineSettings settings = s.runs.engines().settings(e.id());
                EngineAvailability a = e.availability(settings);
                listed.add(new Listed(e.id(), e.name(), e.version(settings), e.supportedFamilies().stream()
                        .map(BaseModelFamily::cliName).sorted().toList(), a.usable(), a.cuda(), e.canResume(),
                        a.message(), settings.values()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(listed));
            return 0;
        }
        TextTable table = new TextTable("ENGINE", "NAME", "FAMILIES", "USABLE", "DEVICE", "RESUME");
        listed.forEach(l -> table.row(l.id(), l.name(), String.join(",", l.families()), l.usable() ? "yes" : "no",
                l.cuda() ? "cuda" : "cpu", l.canResume() ? "yes" : "no"));
        table.print(out);
        listed.forEach(l -> out.println(l.id() + ": " + l.message()));
        return 0;
    }

    @Command(name = "config", description = "Shows or sets an engine's settings (the app's Options use the same).")
    int config(@Parameters(paramLabel = "ENGINE", description = "engine id, e.g. sd-scripts") String engineId,
               @Option(names = "--dir", paramLabel = "DIR", description = "the sd-scripts folder") Path dir,
               @Option(names = "--python", paramLabel = "CMD", description = "the Python of sd-scripts' venv") String python,
               @Option(names = "--accelerate", paramLabel = "CMD", description = "accelerate, to launch with "
                       + "'accelerate launch' (empty: plain python)") String accelerate,
               @Option(names = "--gpu", paramLabel = "ID", description = "the GPU to train on (empty: the default)")
               String gpu,
               @Option(names = "--tokenizer", paramLabel = "DIR", description = "builtin: the folder with the CLIP "
                       + "tokenizer's vocab.json + merges.txt or tokenizer.json (default: the Hugging Face cache)")
               Path tokenizer,
               @Option(names = "--json") boolean json) {
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            TrainingEngine engine;
            try {
                engine = s.runs.engines().engine(engineId);
            } catch (RunException e) {
                throw RunSession.failure(e);
            }
            EngineSettings settings = s.runs.engines().settings(engine.id());
            if (dir != null) {
                settings = settings.with("dir", existingFolder(dir).toString());
            }
            if (python != null) {
                settings = settings.with("python", python);
            }
            if (accelerate != null) {
                settings = settings.with("accelerate", accelerate);
            }
            if (gpu != null) {
                settings = settings.with("gpu", gpu);
            }
            if (tokenizer != null) {
                settings = settings.with("tokenizer", existingFolder(tokenizer).toString());
            }
            boolean changed = dir != null || python != null || accelerate != null || gpu != null || tokenizer != null;
            if (changed) {
                s.runs.engines().saveSettings(engine.id(), settings);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(settings.values()));
            } else if (settings.values().isEmpty()) {
                out.println(engine.id() + ": no settings");
            } else {
                out.println(settings.values().entrySet().stream().map(e -> engine.id() + "." + e.getKey() + " = "
                        + e.getValue()).collect(Collectors.joining(System.lineSeparator())));
            }
        }
        return 0;
    }

    private static Path existingFolder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new CliFailure(absolute + " is not a folder");
        }
        return absolute;
    }
}
