package io.atelier.cli;

import io.atelier.core.run.DatasetEntry;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunSpecJson;
import io.atelier.runner.RunException;
import io.atelier.runner.RunLog;
import io.atelier.runner.RunService;
import io.atelier.store.MetricPoint;
import io.atelier.store.MetricSummary;
import io.atelier.store.RunFile;
import io.atelier.store.StoredRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code atelier run}: queue a project's training, follow it, read its metrics, stop and resume it. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Training runs of every project.")
final class RunCommands {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AtelierCommand root;

    record Listed(String id, String project, String state, String engine, Long step, Long totalSteps, Integer epoch,
                  Integer totalEpochs, String created, String reason) {
    }

    record Shown(String id, String project, String projectFolder, boolean folderPresent, String state, String reason,
                 String engine, String engineVersion, String preset, String baseModel, String baseModelSha256,
                 int images, int captioned, Long step, Long totalSteps, Integer epoch, Integer totalEpochs,
                 String created, String started, String ended, List<MetricSummary> metrics, List<Output> checkpoints,
                 List<Output> samples, List<String> logTail) {
    }

    record Output(String path, int epoch, long step, int promptIndex, boolean present) {
    }

    record Point(String name, long step, int epoch, double value) {
    }

    @Command(name = "start", description = "Freezes the project's run (config, dataset hashes, base model) and queues "
            + "it; with --wait, runs the queue here until it has ended, printing its log.")
    int start(@Parameters(paramLabel = "DIR", description = "the LoRA project folder") Path dir,
              @Option(names = "--engine", defaultValue = "sd-scripts", paramLabel = "ID",
                      description = "training engine (default: ${DEFAULT-VALUE})") String engine,
              @Option(names = "--wait", description = "run the queue in this process until this run ends") boolean wait) {
        PrintWriter out = spec.commandLine().getOut();
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            StoredRun run;
            try {
                run = s.runs.submit(ProjectDirs.layout(dir).root(), engine, () -> false);
            } catch (RunException e) {
                throw RunSession.failure(e);
            }
            RunSpec frozen = RunSpecJson.read(run.spec());
            out.println("Queued run " + run.id() + " of " + RunSession.project(run) + " (" + frozen.dataset().size()
                    + " images, " + frozen.baseModel().getFileName() + ", " + engine + ") at position "
                    + run.queuePosition() + " of " + s.store.runs().queue().size() + ".");
            if (!wait) {
                return 0;
            }
            return follow(s, run.id(), out);
        }
    }

    /** Drives the queue here until {@code id} ends; Ctrl+C interrupts the runs this process drives (resumable). */
    private int follow(RunSession s, UUID id, PrintWriter out) {
        FollowPrinter printer = new FollowPrinter(id, out);
        s.runs.addListener(printer);
        Thread interrupt = new Thread(() -> s.runs.close(Duration.ofSeconds(20)), "atelier run interrupted");
        Runtime.getRuntime().addShutdownHook(interrupt);
        StoredRun end;
        try {
            s.runs.startDispatching();
            end = s.runs.whenEnded(id).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted while waiting for run " + id, e);
        } catch (ExecutionException e) {
            throw new CliFailure("run " + id + ": " + e.getCause().getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it closes the service
            }
        }
        out.println("Run " + id + " " + end.state().name().toLowerCase(Locale.ROOT)
                + (end.reason() == null ? "" : ": " + end.reason()));
        if (end.state() != io.atelier.core.run.RunState.SUCCEEDED) {
            throw new CliFailure("run " + id + " " + end.state().name().toLowerCase(Locale.ROOT)
                    + (end.reason() == null ? "" : ": " + end.reason()));
        }
        return 0;
    }

    /** Prints the run's log as it comes; progress bars as a line every ten seconds instead of every update. */
    private static final class FollowPrinter implements RunService.Listener {
        private final UUID id;
        private final PrintWriter out;
        private long lastProgress;

        FollowPrinter(UUID id, PrintWriter out) {
            this.id = id;
            this.out = out;
        }

        @Override
        public void runEvents(UUID runId, List<RunEvent> events) {
            if (!runId.equals(id)) {
                return;
            }
            for (RunEvent e : events) {
                if (e instanceof RunEvent.LogLine l && !l.text().startsWith("steps:")) {
                    out.println(l.text());
                } else if (e instanceof RunEvent.Progress p && System.nanoTime() - lastProgress > 10_000_000_000L) {
                    lastProgress = System.nanoTime();
                    out.printf(Locale.ROOT, "[step %d/%d, epoch %d/%d, %.2f steps/s]%n", p.step(), p.totalSteps(),
                            p.epoch(), p.totalEpochs(), p.stepsPerSecond());
                }
            }
            out.flush();
        }
    }

    @Command(name = "list", description = "Every run of every project, newest first.")
    int list(@Option(names = "--json") boolean json) {
        List<Listed> listed = new ArrayList<>();
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            for (StoredRun r : s.store.runs().list()) {
                RunEvent.Progress p = r.progress();
                listed.add(new Listed(r.id().toString(), RunSession.project(r), RunSession.state(r), r.engine(),
                        p == null ? null : p.step(), p == null ? null : p.totalSteps(),
                        p == null ? null : p.epoch(), p == null ? null : p.totalEpochs(), iso(r.created()), r.reason()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(listed));
            return 0;
        }
        TextTable table = new TextTable("RUN", "PROJECT", "STATE", "ENGINE", "STEP", "EPOCH", "CREATED", "REASON");
        listed.forEach(l -> table.row(l.id().substring(0, 8), l.project(), l.state(), l.engine(),
                l.step() == null ? "-" : l.step() + "/" + l.totalSteps(),
                l.epoch() == null ? "-" : l.epoch() + "/" + l.totalEpochs(), l.created(),
                l.reason() == null ? "" : l.reason()));
        table.print(out);
        return 0;
    }

    @Command(name = "show", description = "A run: state, frozen spec, metrics summary, checkpoints, samples, log tail.")
    int show(@Parameters(paramLabel = "RUN", description = "run id or its first characters") String id,
             @Option(names = "--json") boolean json) {
        Shown shown;
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            StoredRun r = s.find(id);
            RunSpec frozen = RunSpecJson.read(r.spec());
            Path runDir = frozen.runDir();
            List<Output> checkpoints = new ArrayList<>();
            List<Output> samples = new ArrayList<>();
            for (RunFile f : s.store.runs().files(r.id())) {
                Output o = new Output(f.path().toString(), f.epoch(), f.step(), f.promptIndex(),
                        Files.isRegularFile(f.path()));
                (f.kind() == RunFile.Kind.CHECKPOINT ? checkpoints : samples).add(o);
            }
            RunEvent.Progress p = r.progress();
            shown = new Shown(r.id().toString(), RunSession.project(r), r.projectFolder().toString(),
                    Files.isDirectory(runDir), RunSession.state(r), r.reason(), r.engine(), frozen.engineVersion(),
                    frozen.preset(), frozen.baseModel().toString(), frozen.baseModelSha256(), frozen.dataset().size(),
                    (int) frozen.dataset().stream().map(DatasetEntry::captionHash).filter(h -> h != null).count(),
                    p == null ? null : p.step(), p == null ? null : p.totalSteps(), p == null ? null : p.epoch(),
                    p == null ? null : p.totalEpochs(), iso(r.created()), iso(r.started()), iso(r.ended()),
                    s.store.metrics().summary(r.id()), checkpoints, samples, RunLog.tail(runDir, 10));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(shown));
            return 0;
        }
        out.println("Run        " + shown.id());
        out.println("Project    " + shown.project() + " (" + shown.projectFolder() + ")"
                + (shown.folderPresent() ? "" : " — its run folder is missing"));
        out.println("State      " + shown.state() + (shown.reason() == null ? "" : ": " + shown.reason()));
        out.println("Engine     " + shown.engine() + " " + shown.engineVersion());
        out.println("Preset     " + (shown.preset() == null ? "-" : shown.preset()));
        out.println("Base model " + shown.baseModel() + " (sha256 " + shown.baseModelSha256() + ")");
        out.println("Dataset    " + shown.images() + " images, " + shown.captioned() + " captioned");
        out.println("Progress   " + (shown.step() == null ? "-" : "step " + shown.step() + "/" + shown.totalSteps()
                + ", epoch " + shown.epoch() + "/" + shown.totalEpochs()));
        out.println("Times      created " + shown.created() + ", started " + dash(shown.started()) + ", ended "
                + dash(shown.ended()));
        if (!shown.metrics().isEmpty()) {
            TextTable metrics = new TextTable("METRIC", "VALUES", "STEPS", "LAST", "MIN");
            shown.metrics().forEach(m -> metrics.row(m.name(), m.count(), m.firstStep() + "-" + m.lastStep(),
                    number(m.lastValue()), number(m.minValue())));
            metrics.print(out);
        }
        outputs(out, "CHECKPOINT", shown.checkpoints());
        outputs(out, "SAMPLE", shown.samples());
        if (!shown.logTail().isEmpty()) {
            out.println("Log (last lines of " + RunLog.FILE_NAME + "):");
            shown.logTail().forEach(l -> out.println("  " + l));
        }
        return 0;
    }

    private static void outputs(PrintWriter out, String title, List<Output> outputs) {
        if (outputs.isEmpty()) {
            return;
        }
        TextTable table = new TextTable(title, "EPOCH", "STEP", "");
        outputs.forEach(o -> table.row(o.path(), o.epoch(), o.step(), o.present() ? "" : "missing"));
        table.print(out);
    }

    @Command(name = "metrics", description = "A run's metric series, as a table, CSV or JSON.")
    int metrics(@Parameters(paramLabel = "RUN", description = "run id or its first characters") String id,
                @Option(names = "--name", paramLabel = "NAME", description = "one series, e.g. loss/current "
                        + "(default: all)") String name,
                @ArgGroup(exclusive = true) Format format) {
        List<Point> points = new ArrayList<>();
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            StoredRun r = s.find(id);
            List<String> names = name != null ? List.of(name)
                    : s.store.metrics().summary(r.id()).stream().map(MetricSummary::name).toList();
            for (String n : names) {
                for (MetricPoint p : s.store.metrics().series(r.id(), n)) {
                    points.add(new Point(p.name(), p.step(), p.epoch(), p.value()));
                }
            }
            if (name != null && points.isEmpty()) {
                throw new CliFailure("run " + RunSession.shortId(r.id()) + " has no metric \"" + name + "\" (it has: "
                        + String.join(", ", s.store.metrics().summary(r.id()).stream().map(MetricSummary::name)
                        .toList()) + ")");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != null && format.json) {
            out.println(Json.write(points));
        } else if (format != null && format.csv) {
            out.println("name,step,epoch,value");
            points.forEach(p -> out.println(p.name() + "," + p.step() + "," + p.epoch() + "," + number(p.value())));
        } else {
            TextTable table = new TextTable("METRIC", "STEP", "EPOCH", "VALUE");
            points.forEach(p -> table.row(p.name(), p.step(), p.epoch(), number(p.value())));
            table.print(out);
        }
        return 0;
    }

    static final class Format {
        @Option(names = "--csv", required = true)
        boolean csv;
        @Option(names = "--json", required = true)
        boolean json;
    }

    @Command(name = "stop", description = "Cancels a queued run, or stops a live one (its whole process tree).")
    int stop(@Parameters(paramLabel = "RUN", description = "run id or its first characters") String id) {
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            StoredRun r = s.runs.stop(s.find(id).id());
            spec.commandLine().getOut().println("Run " + RunSession.shortId(r.id()) + " is "
                    + RunSession.state(r) + (r.state().live() ? ": the process driving it stops it within a second."
                    : "."));
        } catch (RunException e) {
            throw RunSession.failure(e);
        }
        return 0;
    }

    @Command(name = "resume", description = "Queues an interrupted, failed or cancelled run to continue from its "
            + "last saved state (steps, metrics and checkpoints carry on).")
    int resume(@Parameters(paramLabel = "RUN", description = "run id or its first characters") String id) {
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            StoredRun r = s.runs.resume(s.find(id).id());
            spec.commandLine().getOut().println("Run " + RunSession.shortId(r.id()) + " is queued to resume at "
                    + "position " + r.queuePosition() + ".");
        } catch (RunException e) {
            throw RunSession.failure(e);
        }
        return 0;
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    static String number(double v) {
        return Double.isNaN(v) ? "nan" : Double.toString(v);
    }
}
