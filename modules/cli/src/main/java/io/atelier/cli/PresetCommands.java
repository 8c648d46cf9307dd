package io.atelier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.io.AtomicFiles;
import io.atelier.core.params.BuiltInPresets;
import io.atelier.core.params.ParamChange;
import io.atelier.core.params.ProjectConfig;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.config.ConfigTomlReader;
import io.atelier.engine.sdscripts.importing.ImportResult;
import io.atelier.engine.sdscripts.kohya.KohyaGuiImport;
import io.atelier.store.PresetRepository;
import io.atelier.store.PresetSummary;
import io.atelier.store.PresetVersion;
import io.atelier.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code atelier preset}: named presets of training parameters with immutable versions (the built-in ones are
 * read-only), their histories and diffs, and JSON / kohya_ss GUI / sd-scripts TOML import and export.
 */
@Command(name = "preset", mixinStandardHelpOptions = true,
        description = "Presets of training parameters: every save is a new version.")
final class PresetCommands {

    /** The format marker of an exported preset file. */
    static final String FILE_FORMAT = "atelier-preset";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @ParentCommand
    AtelierCommand root;

    record Listed(String name, String latestVersion, String updated, boolean builtIn) {
    }

    record Shown(String name, Integer version, String created, String note, Map<String, Object> values) {
    }

    record Change(String key, Object before, Object after) {
    }

    @Command(name = "list", description = "The built-in presets and every saved one with its newest version.")
    int list(@Option(names = "--json") boolean json) {
        List<Listed> all = new ArrayList<>();
        for (Map.Entry<String, TrainingConfig> b : BuiltInPresets.all()) {
            all.add(new Listed(b.getKey(), "built-in", null, true));
        }
        withPresets(p -> {
            for (PresetSummary s : p.list()) {
                all.add(new Listed(s.name(), String.valueOf(s.latestVersion()), iso(s.updated()), false));
            }
            return null;
        });
        if (json) {
            out().println(Json.write(all));
            return 0;
        }
        TextTable table = new TextTable("PRESET", "VERSION", "SAVED");
        all.forEach(l -> table.row(l.name(), l.latestVersion(), l.updated() == null ? "-" : l.updated()));
        table.print(out());
        return 0;
    }

    @Command(name = "show", description = "The values of a preset version (default: the newest).")
    int show(@Parameters(paramLabel = "NAME") String name,
             @Option(names = "--version", paramLabel = "N") Integer version,
             @Option(names = "--json") boolean json) {
        Shown shown = resolve(name, version);
        if (json) {
            out().println(Json.write(shown));
            return 0;
        }
        out().println(shown.name() + (shown.version() == null ? " (built-in)" : " version " + shown.version())
                + (shown.note() == null ? "" : ": " + shown.note()));
        TextTable table = new TextTable("KEY", "VALUE");
        shown.values().forEach((k, v) -> table.row(k, String.valueOf(v).replace("\n", " ⏎ ")));
        table.print(out());
        return 0;
    }

    @Command(name = "save", description = "Saves a project's current configuration as the newest version of NAME "
            + "(creating the preset on its first save) and records it as the project's preset.")
    int save(@Parameters(paramLabel = "NAME") String name,
             @Option(names = "--from", paramLabel = "DIR", required = true, description = "project folder") Path dir,
             @Option(names = "--note", paramLabel = "TEXT") String note) {
        if (BuiltInPresets.all().stream().anyMatch(b -> b.getKey().equalsIgnoreCase(name.strip()))) {
            throw new CliFailure("\"" + name.strip() + "\" is a built-in preset and cannot be changed; save under "
                    + "another name");
        }
        ProjectConfigs p = ProjectConfigs.read(dir);
        PresetVersion saved = withPresets(r -> r.save(name, p.config().config(), note));
        try {
            new ProjectConfig(saved.preset() + " v" + saved.version(), p.config().config()).write(p.layout());
        } catch (IOException e) {
            throw new CliFailure("saved, but cannot record it in " + ProjectConfig.file(p.layout()) + ": "
                    + e.getMessage(), e);
        }
        out().println("Saved \"" + saved.preset() + "\" version " + saved.version() + ".");
        return 0;
    }

    @Command(name = "history", description = "Every version of a preset: number, time, note.")
    int history(@Parameters(paramLabel = "NAME") String name, @Option(names = "--json") boolean json) {
        List<PresetVersion> versions = withPresets(r -> r.history(name));
        if (json) {
            out().println(Json.write(versions.stream().map(v -> new Shown(v.preset(), v.version(), iso(v.created()),
                    v.note(), v.config().values())).toList()));
            return 0;
        }
        TextTable table = new TextTable("VERSION", "SAVED", "NOTE");
        versions.forEach(v -> table.row(v.version(), v.created(), v.note() == null ? "" : v.note()));
        table.print(out());
        return 0;
    }

    @Command(name = "diff", description = "Only the parameters that differ between two versions of a preset, or "
            + "between a version and a project's current configuration (--project).")
    int diff(@Parameters(index = "0", paramLabel = "NAME") String name,
             @Parameters(index = "1", paramLabel = "A") int a,
             @Parameters(index = "2", paramLabel = "B", arity = "0..1") Integer b,
             @Option(names = "--project", paramLabel = "DIR") Path project,
             @Option(names = "--json") boolean json) {
        if ((b == null) == (project == null)) {
            throw new CliFailure("give a second version B or --project DIR");
        }
        TrainingConfig before = resolveConfig(name, a);
        TrainingConfig after = b != null ? resolveConfig(name, b) : ProjectConfigs.read(project).config().config();
        List<ParamChange> changes = before.diff(after);
        if (json) {
            out().println(Json.write(changes.stream().map(c -> new Change(c.key(), c.before(), c.after())).toList()));
            return 0;
        }
        for (ParamChange c : changes) {
            out().println(c.key() + ": " + c.before() + " -> " + c.after());
        }
        out().println(changes.isEmpty() ? "No differences." : changes.size() + " parameter(s) differ.");
        return 0;
    }

    @Command(name = "restore", description = "Saves version N again as the newest version.")
    int restore(@Parameters(index = "0", paramLabel = "NAME") String name,
                @Parameters(index = "1", paramLabel = "N") int version) {
        PresetVersion v = withPresets(r -> r.restore(name, version));
        out().println("Version " + version + " of \"" + v.preset() + "\" is now version " + v.version() + ".");
        return 0;
    }

    @Command(name = "duplicate", description = "A new preset starting from the newest version of NAME.")
    int duplicate(@Parameters(index = "0", paramLabel = "NAME") String name,
                  @Parameters(index = "1", paramLabel = "NEW") String newName) {
        PresetVersion v = withPresets(r -> r.duplicate(name, newName));
        out().println("Created \"" + v.preset() + "\" version 1.");
        return 0;
    }

    @Command(name = "rename", description = "Renames a preset; its history stays.")
    int rename(@Parameters(index = "0", paramLabel = "NAME") String name,
               @Parameters(index = "1", paramLabel = "NEW") String newName) {
        withPresets(r -> {
            r.rename(name, newName);
            return null;
        });
        out().println("Renamed \"" + name + "\" to \"" + newName.strip() + "\".");
        return 0;
    }

    @Command(name = "delete", description = "Hides a preset (its versions stay in the store).")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        withPresets(r -> {
            r.delete(name);
            return null;
        });
        out().println("Deleted \"" + name + "\".");
        return 0;
    }

    @Command(name = "export", description = "Writes a preset version as a JSON file.")
    int export(@Parameters(paramLabel = "NAME") String name,
               @Option(names = "--version", paramLabel = "N") Integer version,
               @Option(names = "--out", paramLabel = "FILE.json", required = true) Path out) {
        Shown shown = resolve(name, version);
        ObjectNode file = JSON.createObjectNode();
        file.put("format", FILE_FORMAT);
        file.put("formatVersion", 1);
        file.put("name", shown.name());
        if (shown.version() != null) {
            file.put("presetVersion", shown.version());
        }
        if (shown.note() != null) {
            file.put("note", shown.note());
        }
        file.set("values", JSON.valueToTree(shown.values()));
        try {
            AtomicFiles.write(out.toAbsolutePath(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(file));
        } catch (IOException e) {
            throw new CliFailure("cannot write " + out + ": " + e.getMessage(), e);
        }
        out().println("Wrote " + out.toAbsolutePath() + ".");
        return 0;
    }

    @Command(name = "import", description = {"Saves a file as a new version of a preset: a preset JSON exported by "
            + "LoRA Atelier, a kohya_ss GUI preset JSON, or an sd-scripts config TOML.",
            "Keys that do not map are listed as ignored; bad values are named and left at their defaults. Exit 3 "
                    + "when something was ignored or wrong."})
    int importFile(@Parameters(paramLabel = "FILE") Path file,
                   @Option(names = "--name", paramLabel = "NAME",
                           description = "preset name (default: the file's, or its base name)") String name,
                   @Option(names = "--note", paramLabel = "TEXT") String note) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String presetName = name;
        List<String> report = new ArrayList<>();
        TrainingConfig config;
        String kind;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".toml")) {
            ImportResult r = ConfigTomlReader.read(text, file.toString(), TrainingConfig.defaults());
            config = r.config();
            report.addAll(r.report().lines());
            kind = "sd-scripts TOML";
        } else {
            JsonNode root;
            try {
                root = JSON.readTree(text);
            } catch (IOException e) {
                throw new CliFailure(file + " is neither TOML nor valid JSON: " + e.getMessage(), e);
            }
            if (root != null && FILE_FORMAT.equals(root.path("format").asText())) {
                try {
                    config = TrainingConfig.fromJson(root.path("values").toString(), false);
                } catch (IllegalArgumentException e) {
                    throw new CliFailure(file + ": " + e.getMessage(), e);
                }
                presetName = presetName != null ? presetName : root.path("name").asText(base);
                kind = "LoRA Atelier preset";
            } else {
                ImportResult r = KohyaGuiImport.read(text, file.toString(), TrainingConfig.defaults());
                config = r.config();
                report.addAll(r.report().lines());
                kind = "kohya_ss GUI preset";
            }
        }
        String finalName = presetName != null ? presetName : base;
        String finalNote = note != null ? note : "imported from " + file.getFileName() + " (" + kind + ")";
        PresetVersion saved = withPresets(r -> r.save(finalName, config, finalNote));
        report.forEach(line -> out().println(line));
        out().println("Imported " + kind + " " + file.getFileName() + " as \"" + saved.preset() + "\" version "
                + saved.version() + ".");
        return report.stream().anyMatch(l -> !l.startsWith("note")) ? AtelierCommand.PARTIAL : 0;
    }

    // ------------------------------------------------------------------ helpers

    private Shown resolve(String name, Integer version) {
        for (Map.Entry<String, TrainingConfig> b : BuiltInPresets.all()) {
            if (b.getKey().equalsIgnoreCase(name.strip())) {
                if (version != null) {
                    throw new CliFailure("\"" + b.getKey() + "\" is built in and has no versions");
                }
                return new Shown(b.getKey(), null, null, null, b.getValue().values());
            }
        }
        PresetVersion v = withPresets(r -> r.version(name, version));
        return new Shown(v.preset(), v.version(), iso(v.created()), v.note(), v.config().values());
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private TrainingConfig resolveConfig(String name, int version) {
        return TrainingConfig.of(resolve(name, version).values());
    }

    private <T> T withPresets(Function<PresetRepository, T> work) {
        try (Store store = StoreSession.open(root.home, spec.commandLine().getErr())) {
            return work.apply(store.presets());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
