package io.atelier.cli;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.gallery.BestEpochExport;
import io.atelier.core.gallery.ContactSheet;
import io.atelier.core.gallery.EpochGrid;
import io.atelier.core.gallery.EpochPick;
import io.atelier.core.gallery.GenerationPlan;
import io.atelier.core.gallery.SampleImage;
import io.atelier.core.params.Params;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.sampling.ImageSampler;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplePromptFile;
import io.atelier.runner.RunException;
import io.atelier.runner.gallery.GalleryGenerator;
import io.atelier.runner.gallery.RunGallery;
import io.atelier.store.StoredRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.openide.util.Lookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code atelier gallery}: a run's epoch × prompt grid, its best epoch, images made on demand, contact sheets. */
@Command(name = "gallery", mixinStandardHelpOptions = true,
        description = "The epoch gallery of a run: samples per epoch and prompt, the best epoch, new samples.")
final class GalleryCommands {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AtelierCommand root;

    record Listed(String run, String project, String baseModel, Integer bestEpoch, String bestNote,
                  List<String> baseModels, List<ColumnJson> columns, List<RowJson> rows) {
    }

    record ColumnJson(int promptIndex, String prompt, double strength, Long seed, String seedProblem) {
    }

    record RowJson(int epoch, String checkpoint, List<CellJson> cells) {
    }

    record CellJson(String file, boolean present, String source, Long seed, String sampler, double cfgScale,
                    int steps, int width, int height, double loraStrength) {
    }

    @Command(name = "list", description = "The run's grid: rows = epochs (0 = the base model alone), columns = "
            + "prompts; each cell the newest image made for it.")
    int list(@Parameters(paramLabel = "RUN", description = "run id or its first characters") String id,
             @Option(names = "--base-model", paramLabel = "FILE", description = "the base model's file name "
                     + "(default: the run's own)") String baseModel,
             @Option(names = "--json") boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            RunGallery g = load(s, id);
            String model = baseModel == null ? g.baseModelName() : baseModel;
            EpochGrid grid = g.grid(model, EpochGrid.Axis.PROMPT, 0);
            Listed listed = listed(g, grid);
            if (json) {
                out.println(Json.write(listed));
                return 0;
            }
            out.println("Run " + listed.run() + " of " + listed.project() + " on " + model
                    + (listed.bestEpoch() == null ? "" : ", best epoch " + listed.bestEpoch()
                    + (listed.bestNote() == null ? "" : " (" + listed.bestNote() + ")")));
            for (ColumnJson c : listed.columns()) {
                out.println("  prompt #" + c.promptIndex() + ": " + c.prompt() + (c.seed() == null ? ""
                        : " (seed " + c.seed() + ")") + (c.seedProblem() == null ? "" : "  ⚠ " + c.seedProblem()));
            }
            List<String> header = new ArrayList<>(List.of("EPOCH", "CHECKPOINT"));
            listed.columns().forEach(c -> header.add("#" + c.promptIndex()));
            TextTable table = new TextTable(header.toArray(String[]::new));
            for (RowJson r : listed.rows()) {
                List<String> row = new ArrayList<>();
                row.add((listed.bestEpoch() != null && listed.bestEpoch() == r.epoch() ? "★ " : "")
                        + (r.epoch() == 0 ? "base" : Integer.toString(r.epoch())));
                row.add(r.checkpoint() == null ? "-" : Path.of(r.checkpoint()).getFileName().toString());
                for (CellJson c : r.cells()) {
                    row.add(c == null ? "-" : (c.present() ? "" : "missing: ")
                            + Path.of(c.file()).getFileName());
                }
                table.row(row.toArray());
            }
            table.print(out);
            out.println("Other base models with samples: " + (listed.baseModels().size() <= 1 ? "none"
                    : String.join(", ", listed.baseModels().subList(1, listed.baseModels().size()))));
            return 0;
        }
    }

    private static Listed listed(RunGallery g, EpochGrid grid) {
        List<ColumnJson> columns = grid.columns().stream().map(c -> new ColumnJson(c.promptIndex(), c.prompt(),
                c.strength(), c.seed(), c.seedProblem())).toList();
        List<RowJson> rows = new ArrayList<>();
        for (int epoch : grid.epochs()) {
            List<CellJson> cells = new ArrayList<>();
            for (int c = 0; c < grid.columns().size(); c++) {
                cells.add(grid.cell(epoch, c).map(GalleryCommands::cell).orElse(null));
            }
            Path checkpoint = g.checkpoints().get(epoch);
            rows.add(new RowJson(epoch, checkpoint == null ? null : checkpoint.toString(), cells));
        }
        return new Listed(g.run().id().toString(), RunSession.project(g.run()), grid.baseModel(),
                g.pick().map(EpochPick::epoch).orElse(null), g.pick().map(EpochPick::note).orElse(null),
                g.baseModels(), columns, rows);
    }

    private static CellJson cell(SampleImage s) {
        return new CellJson(s.file().toString(), Files.isRegularFile(s.file()), s.source().name().toLowerCase(
                Locale.ROOT), s.seed(), s.sampler(), s.cfgScale(), s.steps(), s.width(), s.height(), s.loraStrength());
    }

    @Command(name = "best", description = "Marks the run's best epoch (shown in the Runs window and the LoRA "
            + "Library); with --export, copies its LoRA file to a folder under a clean name.")
    int best(@Parameters(paramLabel = "RUN", description = "run id or its first characters") String id,
             @Option(names = "--epoch", paramLabel = "N", description = "the best epoch") Integer epoch,
             @Option(names = "--note", paramLabel = "TEXT", description = "why") String note,
             @Option(names = "--clear", description = "remove the pick") boolean clear,
             @Option(names = "--export", paramLabel = "DIR", description = "copy the best epoch's LoRA file here")
             Path export) {
        PrintWriter out = spec.commandLine().getOut();
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            RunGallery g = load(s, id);
            String shortId = RunSession.shortId(g.run().id());
            if (clear) {
                s.store.gallery().clearPick(g.run().id());
                out.println("Run " + shortId + " has no best epoch now.");
                return 0;
            }
            if (epoch != null) {
                if (!g.checkpoints().containsKey(epoch)) {
                    throw new CliFailure("run " + shortId + " saved no LoRA file for epoch " + epoch
                            + " (it saved epochs " + g.checkpoints().keySet() + ")");
                }
                s.store.gallery().pick(g.run().id(), epoch, note);
                out.println("Run " + shortId + ": epoch " + epoch + " is the best.");
            }
            int chosen = epoch != null ? epoch : g.pick().map(EpochPick::epoch).orElseThrow(() -> new CliFailure(
                    "run " + shortId + " has no best epoch yet: give --epoch N"));
            if (export != null) {
                Path source = g.checkpoint(chosen).orElseThrow(() -> new CliFailure("the LoRA file of epoch "
                        + chosen + " of run " + shortId + " is gone: " + g.checkpoints().get(chosen)));
                Path copy;
                try {
                    copy = BestEpochExport.export(source, export, g.spec().config().getString(Params.OUTPUT_NAME));
                } catch (IOException e) {
                    throw new CliFailure("cannot copy " + source + " to " + export + ": " + e.getMessage(), e);
                }
                out.println("Copied epoch " + chosen + " to " + copy);
            }
            return 0;
        }
    }

    @Command(name = "generate", description = "Makes the grid's missing images: chosen epochs × prompts × seeds × CFG "
            + "× base models × LoRA strengths, with the built-in sampler (SD 1.5) or a ComfyUI server.")
    int generate(@Parameters(paramLabel = "RUN", description = "run id or its first characters") String id,
                 @Option(names = "--prompts", paramLabel = "FILE", description = "prompt lines as sd-scripts' .txt "
                         + "(default: the run's sample prompts)") Path promptFile,
                 @Option(names = "--epochs", split = ",", paramLabel = "N", description = "epochs, 0 = the base "
                         + "model alone (default: every saved epoch and 0)") List<Integer> epochs,
                 @Option(names = "--base-models", split = ",", paramLabel = "FILE", description = "registered base "
                         + "models by file name or name (default: the run's own)") List<String> baseModels,
                 @Option(names = "--seeds", split = ",", paramLabel = "N") List<Long> seeds,
                 @Option(names = "--cfg", split = ",", paramLabel = "X") List<Double> cfgs,
                 @Option(names = "--strengths", split = ",", paramLabel = "X", description = "LoRA strengths "
                         + "(default: 1)") List<Double> strengths,
                 @Option(names = "--sampler", defaultValue = "builtin", paramLabel = "ID",
                         description = "builtin or comfyui (default: ${DEFAULT-VALUE})") String samplerId,
                 @Option(names = "--comfyui-url", paramLabel = "URL") String comfyUrl,
                 @Option(names = "--comfyui-loras", paramLabel = "DIR", description = "ComfyUI's models/loras "
                         + "folder (LoRA files are copied there)") Path comfyLoras) {
        PrintWriter out = spec.commandLine().getOut();
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr());
             GalleryGenerator generator = new GalleryGenerator(s.store)) {
            RunGallery g = load(s, id);
            List<SamplePrompt> prompts = prompts(g, promptFile);
            List<Integer> chosenEpochs = epochs != null ? epochs : allEpochs(g);
            List<BaseModel> models = baseModels(s, g, baseModels);
            ImageSampler sampler = sampler(samplerId);
            EngineSettings settings = samplerSettings(s, samplerId, comfyUrl, comfyLoras);
            List<GenerationPlan.Cell> cells;
            try {
                cells = GenerationPlan.missing(g.choice(prompts, chosenEpochs, list(seeds), list(cfgs), models,
                        list(strengths)), g.samples());
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            if (cells.isEmpty()) {
                out.println("Nothing to make: the gallery has every chosen image.");
                return 0;
            }
            out.println("Making " + cells.size() + " image" + (cells.size() == 1 ? "" : "s") + " with "
                    + sampler.name() + "...");
            out.flush();
            List<String> failures = new ArrayList<>();
            String[] problem = {null};
            GalleryGenerator.Job job = generator.submit(cells, sampler, settings, new GalleryGenerator.JobListener() {
                @Override
                public void progress(GalleryGenerator.Job job, int done, int failed, int total, String current) {
                }

                @Override
                public void written(GalleryGenerator.Job job, GenerationPlan.Cell cell) {
                    out.println("  " + (job.written() + job.failed()) + "/" + job.total() + " "
                            + cell.request().output());
                    out.flush();
                }

                @Override
                public void failed(GalleryGenerator.Job job, GenerationPlan.Cell cell, String reason) {
                    failures.add(cell.request().output().getFileName() + ": " + reason);
                    out.println("  " + (job.written() + job.failed()) + "/" + job.total() + " failed: "
                            + cell.request().output().getFileName() + ": " + reason);
                    out.flush();
                }

                @Override
                public void finished(GalleryGenerator.Job job, boolean cancelled, String why) {
                    problem[0] = why;
                }
            });
            try {
                job.done().get();
            } catch (InterruptedException e) {
                job.cancel();
                Thread.currentThread().interrupt();
                throw new CliFailure("interrupted", e);
            } catch (ExecutionException e) {
                throw new CliFailure(e.getCause().getMessage(), e);
            }
            if (problem[0] != null) {
                throw new CliFailure(problem[0]);
            }
            out.println("Made " + job.written() + " of " + job.total() + (failures.isEmpty() ? "."
                    : "; " + failures.size() + " failed."));
            return failures.isEmpty() ? 0 : AtelierCommand.PARTIAL;
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static List<Integer> allEpochs(RunGallery g) {
        List<Integer> epochs = new ArrayList<>();
        epochs.add(0);
        epochs.addAll(g.checkpoints().keySet());
        return epochs;
    }

    private static List<SamplePrompt> prompts(RunGallery g, Path file) {
        if (file == null) {
            List<SamplePrompt> own = g.prompts();
            if (own.isEmpty()) {
                throw new CliFailure("run " + RunSession.shortId(g.run().id()) + " has no sample prompts: give "
                        + "--prompts FILE");
            }
            return own;
        }
        try {
            List<SamplePrompt> prompts = SamplePromptFile.parse(Files.readString(file, StandardCharsets.UTF_8),
                    g.spec().config().getInt(Params.RESOLUTION), g.spec().config().getInt(Params.SAMPLE_SEED));
            if (prompts.isEmpty()) {
                throw new CliFailure(file + " has no prompt lines");
            }
            return prompts;
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(file + ": " + e.getMessage(), e);
        }
    }

    private static List<BaseModel> baseModels(RunSession s, RunGallery g, List<String> names) {
        List<BaseModel> registered = s.store.baseModels().list();
        if (names == null || names.isEmpty()) {
            String sha = g.spec().baseModelSha256();
            return List.of(registered.stream().filter(b -> b.sha256() != null && b.sha256().equals(sha)).findFirst()
                    .or(() -> registered.stream().filter(b -> b.file().equals(g.spec().baseModel())).findFirst())
                    .orElseThrow(() -> new CliFailure("the run's base model " + g.spec().baseModel()
                            + " is not registered any more (atelier basemodel add)")));
        }
        List<BaseModel> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(registered.stream().filter(b -> b.file().getFileName().toString().equals(name)
                    || b.name().equals(name)).findFirst().orElseThrow(() -> new CliFailure("no registered base "
                    + "model " + name + " (registered: " + registered.stream().map(b -> b.file().getFileName()
                    .toString()).toList() + ")")));
        }
        return chosen;
    }

    private static ImageSampler sampler(String id) {
        List<ImageSampler> all = new ArrayList<>(Lookup.getDefault().lookupAll(ImageSampler.class));
        return all.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() -> new CliFailure(
                "there is no sampler " + id + " (known: " + all.stream().map(ImageSampler::id).sorted().toList()
                        + ")"));
    }

    /** The built-in sampler uses the built-in engine's settings; ComfyUI its own, with the options on top. */
    private static EngineSettings samplerSettings(RunSession s, String id, String url, Path loras) {
        if (!id.equals("comfyui")) {
            return s.runs.engines().settings(id);
        }
        Map<String, String> values = new TreeMap<>(s.store.settings().withPrefix("sampler.comfyui."));
        if (url != null) {
            values.put("url", url);
        }
        if (loras != null) {
            values.put("loras", loras.toAbsolutePath().toString());
        }
        return new EngineSettings(values);
    }

    @Command(name = "sheet", description = "One PNG with the grids of one or more runs (each on its own base model), "
            + "the best epochs starred.")
    int sheet(@Parameters(paramLabel = "RUN", arity = "1..*", description = "run ids or their first characters")
              List<String> ids,
              @Option(names = "--out", required = true, paramLabel = "FILE.png") Path target,
              @Option(names = "--cell", defaultValue = "192", paramLabel = "PX",
                      description = "cell size (default: ${DEFAULT-VALUE})") int cell) {
        PrintWriter out = spec.commandLine().getOut();
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            List<ContactSheet.Section> sections = new ArrayList<>();
            for (String id : ids) {
                RunGallery g = load(s, id);
                EpochGrid grid = g.grid(g.baseModelName(), EpochGrid.Axis.PROMPT, 0);
                String title = RunSession.project(g.run()) + " · " + g.baseModelName() + " · run "
                        + RunSession.shortId(g.run().id());
                sections.add(ContactSheet.section(title, grid, g.pick().map(EpochPick::epoch).orElse(null)));
            }
            try {
                ContactSheet.write(target, sections, cell);
            } catch (IOException e) {
                throw new CliFailure("cannot write " + target + ": " + e.getMessage(), e);
            }
            out.println("Wrote " + target + " (" + sections.size() + " run" + (sections.size() == 1 ? "" : "s") + ").");
            return 0;
        }
    }

    static RunGallery load(RunSession s, String id) {
        StoredRun run = s.find(id);
        try {
            return RunGallery.load(s.store, run.id());
        } catch (RunException e) {
            throw RunSession.failure(e);
        }
    }
}
