package io.atelier.cli;

import io.atelier.store.StoredRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code atelier queue}: the runs waiting to train, in order; reorder, pause, and how many run at once. */
@Command(name = "queue", mixinStandardHelpOptions = true, description = "The run queue, shared by every project.")
final class QueueCommands {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AtelierCommand root;

    record Queued(int position, String id, String project, String engine, boolean resume, String created) {
    }

    record Listed(boolean paused, int parallel, List<Queued> queue) {
    }

    @Command(name = "list", description = "The queued runs, next first, and whether the queue is paused.")
    int list(@Option(names = "--json") boolean json) {
        Listed listed;
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            List<Queued> queue = new ArrayList<>();
            int position = 1;
            for (StoredRun r : s.store.runs().queue()) {
                queue.add(new Queued(position++, r.id().toString(), RunSession.project(r), r.engine(), r.resume(),
                        RunCommands.iso(r.created())));
            }
            listed = new Listed(s.runs.paused(), s.runs.parallel(), queue);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(listed));
            return 0;
        }
        out.println("The queue is " + (listed.paused() ? "paused" : "running") + "; " + listed.parallel()
                + (listed.parallel() == 1 ? " run" : " runs") + " at once.");
        TextTable table = new TextTable("#", "RUN", "PROJECT", "ENGINE", "QUEUED");
        listed.queue().forEach(q -> table.row(q.position(), q.id().substring(0, 8), q.project()
                + (q.resume() ? " (resume)" : ""), q.engine(), q.created()));
        table.print(out);
        return 0;
    }

    @Command(name = "move", description = "Puts a queued run at POSITION (1 = next).")
    int move(@Parameters(index = "0", paramLabel = "RUN") String id,
             @Parameters(index = "1", paramLabel = "POSITION") int position) {
        if (position < 1) {
            throw new CliFailure("a queue position starts at 1, not " + position);
        }
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            StoredRun run = s.find(id);
            try {
                List<StoredRun> queue = s.runs.move(run.id(), position - 1);
                spec.commandLine().getOut().println("Run " + RunSession.shortId(run.id()) + " is now "
                        + (queue.indexOf(queue.stream().filter(r -> r.id().equals(run.id())).findFirst()
                        .orElseThrow()) + 1) + " of " + queue.size() + ".");
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), e);
            }
        }
        return 0;
    }

    @Command(name = "pause", description = "Starts no new run until resumed; runs going on go on.")
    int pause() {
        return setPaused(true);
    }

    @Command(name = "resume", description = "Lets the queue start runs again.")
    int resume() {
        return setPaused(false);
    }

    @Command(name = "parallel", description = "How many runs may train at once (one per GPU; default 1).")
    int parallel(@Parameters(paramLabel = "N") int runs) {
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            s.runs.setParallel(runs);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        spec.commandLine().getOut().println("Up to " + runs + (runs == 1 ? " run" : " runs") + " at once.");
        return 0;
    }

    private int setPaused(boolean paused) {
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            s.runs.setPaused(paused);
        }
        spec.commandLine().getOut().println(paused ? "The queue is paused." : "The queue is running.");
        return 0;
    }
}
