package io.atelier.cli;

import io.atelier.core.params.BucketSteps;
import io.atelier.core.params.StepBudget;
import io.atelier.imaging.report.DatasetFactsScan;
import io.atelier.imaging.report.FileProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier config steps DIR}: the step budget as sd-scripts will count it. */
@Command(name = "steps", mixinStandardHelpOptions = true,
        description = "Steps per bucket and in total as sd-scripts counts them (ceil per bucket, gradient "
                + "accumulation), beside the simple formula images × repeats × epochs ÷ batch, the 4,000-step guard "
                + "and the estimated LoRA file size.")
final class ConfigStepsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        ProjectConfigs p = ProjectConfigs.read(dir);
        DatasetFactsScan.Result scan;
        try {
            scan = DatasetFactsScan.scan(p.layout(), p.project().triggerWord());
        } catch (IOException e) {
            throw new CliFailure("cannot read " + p.layout().dataset() + ": " + e.getMessage(), e);
        }
        StepBudget budget;
        try {
            budget = StepBudget.of(p.config().config(), scan.facts().sizes());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(budget));
            return 0;
        }
        TextTable table = new TextTable("BUCKET", "IMAGES", "× REPEATS", "BATCHES");
        for (BucketSteps b : budget.buckets()) {
            table.row(b.bucket().width() + "x" + b.bucket().height(), b.images(), b.items(), b.batches());
        }
        table.print(out);
        out.println();
        out.println(String.format(Locale.ROOT, "%d images × %d repeats, batch %d: %d batches per epoch, %d steps per "
                        + "epoch × %d epochs = %,d steps (simple formula: %,.0f).", budget.images(), budget.repeats(),
                budget.batchSize(), budget.batchesPerEpoch(), budget.stepsPerEpoch(), budget.epochs(),
                budget.totalSteps(), budget.simpleSteps()));
        if (budget.overBudget()) {
            out.println(String.format(Locale.ROOT, "Over the %,d-step budget%s", StepBudget.MAX_STEPS,
                    budget.suggestedRepeats() == null ? "; even 1 repeat is too many."
                            : ": " + budget.suggestedRepeats() + " repeats fit."));
        } else {
            out.println(String.format(Locale.ROOT, "Within the %,d-step budget.", StepBudget.MAX_STEPS));
        }
        out.println(String.format(Locale.ROOT, "LoRA file: about %.1f MB.", budget.fileSizeBytes() / 1e6));
        for (FileProblem f : scan.problems()) {
            out.println("Left out: " + f.message());
        }
        return 0;
    }
}
