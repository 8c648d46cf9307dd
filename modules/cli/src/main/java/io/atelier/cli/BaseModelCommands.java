package io.atelier.cli;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.basemodel.BaseModelInspector;
import io.atelier.core.basemodel.FileHasher;
import io.atelier.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code atelier basemodel}: the registry of local base-model checkpoints. */
@Command(name = "basemodel", description = "Base-model checkpoints (.safetensors) on this machine.",
        mixinStandardHelpOptions = true)
final class BaseModelCommands {

    @ParentCommand
    AtelierCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "add", description = "Register a .safetensors checkpoint: detect its family and hash it.")
    int add(@Parameters(paramLabel = "FILE") Path file,
            @Option(names = "--name", paramLabel = "NAME", description = "display name (default: file name)") String name,
            @Option(names = "--family", paramLabel = "FAMILY",
                    description = "sd15, sdxl, pony, illustrious or other-sdxl (default: detected)") String family) {
        BaseModelFamily override = family == null ? null : BaseModelFamily.parse(family);
        PrintWriter err = spec.commandLine().getErr();
        try (Store store = StoreSession.open(root.home, err)) {
            Path absolute = file.toAbsolutePath().normalize();
            store.baseModels().findByFile(absolute).ifPresent(existing -> {
                throw new CliFailure(absolute + " is already registered as \"" + existing.name() + "\"");
            });
            BaseModel model = new BaseModelInspector().inspect(absolute, name, override,
                    progressOn(err), () -> false);
            store.baseModels().add(model);
            spec.commandLine().getOut().println("Registered " + model.name() + " (" + model.family().displayName()
                    + ", AutoV2 " + model.autoV2() + ")");
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        return 0;
    }

    @Command(name = "list", description = "List the registered base models.")
    int list(@Option(names = "--json", description = "machine-readable output") boolean json) {
        List<BaseModel> models;
        try (Store store = StoreSession.open(root.home, spec.commandLine().getErr())) {
            models = store.baseModels().list();
        }
        if (json) {
            spec.commandLine().getOut().println(Json.write(models.stream().map(BaseModelJson::of).toList()));
            return 0;
        }
        TextTable table = new TextTable("NAME", "FAMILY", "SIZE", "AUTOV2", "FILE");
        for (BaseModel m : models) {
            table.row(m.name(), m.family().cliName(), String.format("%.2f GB", m.sizeBytes() / 1e9), m.autoV2(), m.file());
        }
        table.print(spec.commandLine().getOut());
        return 0;
    }

    /** Hashing a multi-GB checkpoint takes a while: show a percentage on stderr when a person is watching. */
    private static FileHasher.Progress progressOn(PrintWriter err) {
        if (System.console() == null) {
            return FileHasher.Progress.NONE;
        }
        return (done, total) -> {
            err.print("\rhashing " + (total == 0 ? 100 : done * 100 / total) + "%");
            if (done == total) {
                err.println();
            }
            err.flush();
        };
    }

    /** The stable JSON shape of a base model (README, "CLI JSON"). */
    record BaseModelJson(String name, String family, String file, long sizeBytes, String sha256, String autoV2,
                         String added) {
        static BaseModelJson of(BaseModel m) {
            return new BaseModelJson(m.name(), m.family().cliName(), m.file().toString(), m.sizeBytes(), m.sha256(),
                    m.autoV2(), m.added().toString());
        }
    }
}
