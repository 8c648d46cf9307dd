package io.atelier.cli;

import io.atelier.core.compare.RunComparison;
import io.atelier.core.compare.RunLabel;
import io.atelier.core.gallery.EpochPick;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunSpecJson;
import io.atelier.store.MetricSummary;
import io.atelier.store.StoredRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code atelier compare}: runs side by side, what differs and how they ended. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Two or more runs side by side (of one "
        + "project or several, on one base model or several): the parameters that differ, then final metrics.")
final class CompareCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AtelierCommand root;

    @Parameters(paramLabel = "RUN", arity = "2..*", description = "run ids or their first characters")
    List<String> ids;

    @Option(names = "--json", description = "the comparison as JSON")
    boolean json;

    @Option(names = "--csv", description = "the comparison as CSV")
    boolean csv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RunSession s = RunSession.open(root.home, spec.commandLine().getErr())) {
            Map<java.util.UUID, EpochPick> picks = s.store.gallery().picks();
            List<RunComparison.Compared> compared = new ArrayList<>();
            for (String id : ids) {
                StoredRun r = s.find(id);
                RunSpec frozen = RunSpecJson.read(r.spec());
                String label = RunLabel.of(r.projectFolder(), frozen.baseModel(), r.id());
                compared.add(new RunComparison.Compared(label, frozen, r.state().name()
                        .toLowerCase(Locale.ROOT), metrics(s.store.metrics().summary(r.id())),
                        picks.containsKey(r.id()) ? picks.get(r.id()).epoch() : null));
            }
            RunComparison comparison;
            try {
                comparison = new RunComparison(compared);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            if (json) {
                out.println(comparison.toJson());
            } else if (csv) {
                out.print(comparison.toCsv());
            } else {
                print(out, comparison);
            }
            out.flush();
            return 0;
        }
    }

    /** The last value of each series, and the smallest of the validation loss (the epoch to pick by). */
    static Map<String, Double> metrics(List<MetricSummary> summary) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (MetricSummary s : summary) {
            m.put(s.name() + " (last)", s.lastValue());
            if (s.name().startsWith("loss/validation") || s.name().equals("loss/epoch_average")) {
                m.put(s.name() + " (min)", s.minValue());
            }
        }
        return m;
    }

    private static void print(PrintWriter out, RunComparison c) {
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(c.labels());
        TextTable diff = new TextTable(header.toArray(String[]::new));
        c.differences().forEach(r -> diff.row(row(r)));
        out.println(c.differences().isEmpty() ? "The runs were trained alike." : "What differs:");
        if (!c.differences().isEmpty()) {
            diff.print(out);
        }
        out.println();
        out.println("Results:");
        TextTable results = new TextTable(header.toArray(String[]::new));
        c.results().forEach(r -> results.row(row(r)));
        results.print(out);
    }

    private static Object[] row(RunComparison.Row r) {
        List<String> cells = new ArrayList<>();
        cells.add(r.name());
        cells.addAll(r.values());
        return cells.toArray();
    }
}
