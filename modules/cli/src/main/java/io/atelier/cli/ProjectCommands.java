package io.atelier.cli;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.FolderCheck;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectFolders;
import io.atelier.store.RegisteredProject;
import io.atelier.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code atelier project}: create, list, show and remove LoRA projects in the library. */
@Command(name = "project", description = "LoRA projects in the library.", mixinStandardHelpOptions = true)
final class ProjectCommands {

    @ParentCommand
    AtelierCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "create", description = "Create a LoRA project folder and add it to the library.")
    int create(@Option(names = "--dir", required = true, paramLabel = "DIR") Path dir,
               @Option(names = "--name", required = true, paramLabel = "N") String name,
               @Option(names = "--trigger", required = true, paramLabel = "T") String trigger,
               @Option(names = "--kind", required = true, paramLabel = "K",
                       description = "style, character or concept") String kind,
               @Option(names = "--base-model", paramLabel = "FAMILY", defaultValue = "sdxl",
                       description = "sd15, sdxl, pony, illustrious or other-sdxl (default: ${DEFAULT-VALUE})")
               String family) {
        LoraProject project = LoraProject.create(name, trigger, parseKind(kind), BaseModelFamily.parse(family));
        try (Store store = StoreSession.open(root.home, err())) {
            List<RegisteredProject> sameTrigger = store.projects().findByTriggerWord(project.triggerWord());
            if (!sameTrigger.isEmpty()) {
                RegisteredProject other = sameTrigger.get(0);
                throw new CliFailure("trigger word \"" + project.triggerWord() + "\" is already used by \""
                        + other.project().name() + "\" in " + other.folder() + "; trigger words must be unique");
            }
            Path folder = ProjectFolders.create(dir, project).root();
            store.projects().register(project, folder);
            spec.commandLine().getOut().println("Created " + project.name() + " in " + folder);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        return 0;
    }

    @Command(name = "add", description = "Add an existing project folder (one with an atelier.json) to the library.")
    int add(@Parameters(paramLabel = "DIR") Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        try (Store store = StoreSession.open(root.home, err())) {
            LoraProject project = ProjectDescriptor.read(folder);
            Optional<RegisteredProject> same = store.projects().findById(project.id());
            if (same.isPresent() && !same.get().folder().equals(folder)
                    && FolderCheck.of(project.id(), same.get().folder()).state() == FolderCheck.State.OK) {
                throw new CliFailure(folder + " is a copy of \"" + project.name() + "\" in " + same.get().folder()
                        + " (same project id); give the copy its own id by creating a new project instead");
            }
            List<RegisteredProject> sameTrigger = store.projects().findByTriggerWord(project.triggerWord()).stream()
                    .filter(r -> !r.project().id().equals(project.id())).toList();
            store.projects().register(project, folder);
            spec.commandLine().getOut().println("Added " + project.name() + " (" + folder + ") to the library");
            if (!sameTrigger.isEmpty()) {
                err().println("atelier: warning: trigger word \"" + project.triggerWord() + "\" is also used by \""
                        + sameTrigger.get(0).project().name() + "\" in " + sameTrigger.get(0).folder());
            }
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        return 0;
    }

    @Command(name = "list", description = "List every project in the library.")
    int list(@Option(names = "--json", description = "machine-readable output") boolean json) {
        List<RegisteredProject> projects;
        try (Store store = StoreSession.open(root.home, err())) {
            projects = store.projects().list();
        }
        List<ProjectJson> rows = projects.stream()
                .map(r -> ProjectJson.of(r, FolderCheck.of(r.project().id(), r.folder())))
                .toList();
        if (json) {
            spec.commandLine().getOut().println(Json.write(rows));
            return 0;
        }
        TextTable table = new TextTable("NAME", "TRIGGER", "KIND", "BASE MODEL", "IMAGES", "CAPTIONED", "RUNS",
                "STATE", "FOLDER");
        for (ProjectJson p : rows) {
            table.row(p.name(), p.triggerWord(), p.kind(), p.baseModel(), p.images(), p.captioned(), p.runs(),
                    p.state(), p.folder());
        }
        table.print(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "show", description = "Show one project folder and its place in the library.")
    int show(@Parameters(paramLabel = "DIR") Path dir,
             @Option(names = "--json", description = "machine-readable output") boolean json) {
        Path folder = dir.toAbsolutePath().normalize();
        LoraProject project;
        try {
            project = ProjectDescriptor.read(folder);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        Optional<RegisteredProject> registered;
        try (Store store = StoreSession.open(root.home, err())) {
            registered = store.projects().findById(project.id());
        }
        FolderCheck check = FolderCheck.of(project.id(), folder);
        ProjectJson p = ProjectJson.of(project, folder.toString(), registered.isPresent(), check,
                registered.map(r -> r.registeredAt().toString()).orElse(null),
                registered.flatMap(RegisteredProject::lastOpenedIfAny).map(Object::toString).orElse(null));
        if (json) {
            spec.commandLine().getOut().println(Json.write(p));
            return 0;
        }
        TextTable table = new TextTable("FIELD", "VALUE")
                .row("name", p.name()).row("id", p.id()).row("trigger word", p.triggerWord()).row("kind", p.kind())
                .row("base model", p.baseModel()).row("folder", p.folder()).row("images", p.images())
                .row("captioned", p.captioned()).row("runs", p.runs()).row("created", p.created())
                .row("in library", p.registered() ? "yes, since " + p.registeredAt() : "no");
        registered.filter(r -> !r.folder().equals(folder))
                .ifPresent(r -> table.row("library folder", r.folder() + " (differs: the folder was copied or moved)"));
        table.print(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "remove", description = "Remove a project from the library. Its folder and files stay.")
    int remove(@Parameters(paramLabel = "DIR") Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        try (Store store = StoreSession.open(root.home, err())) {
            RegisteredProject r = store.projects().findByFolder(folder)
                    .orElseThrow(() -> new CliFailure(folder + " is not in the library"));
            store.projects().remove(r.project().id());
            spec.commandLine().getOut().println("Removed " + r.project().name() + " from the library; "
                    + folder + " is unchanged");
        }
        return 0;
    }

    private java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private static LoraKind parseKind(String kind) {
        try {
            return LoraKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }
}
