package io.atelier.cli;

import io.atelier.core.caption.CaptionFiles;
import io.atelier.core.caption.CaptionProblem;
import io.atelier.core.caption.TagCount;
import io.atelier.core.caption.TagStatistics;
import io.atelier.core.caption.Caption;
import io.atelier.core.project.ProjectLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atelier tags stats DIR}: every tag with the number and share of images carrying it. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Every tag of the captions in scope with its image count and share, most used first; also "
                + "images without a caption and those whose caption does not start with the trigger word.")
final class TagsStatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaptionScope scope;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    record Result(String project, String trigger, int images, int uncaptioned, List<String> withoutTriggerFirst,
                  List<TagCount> tags, List<CaptionEditRun.Problem> problems) {
    }

    @Override
    public Integer call() {
        ProjectLayout layout = scope.layout();
        String trigger = scope.trigger(layout);
        CaptionScope.Selection selection = scope.images(layout);
        Map<Path, Caption> captions = new LinkedHashMap<>();
        List<CaptionProblem> problems = new ArrayList<>(selection.unreadable());
        List<String> notFirst = new ArrayList<>();
        int uncaptioned = 0;
        for (Path image : selection.images()) {
            try {
                Caption c = CaptionFiles.read(image).caption();
                captions.put(image, c);
                if (c.isEmpty()) {
                    uncaptioned++;
                } else if (!c.startsWithTrigger(trigger)) {
                    notFirst.add(image.getFileName().toString());
                }
            } catch (IOException e) {
                problems.add(new CaptionProblem(CaptionFiles.captionFile(image), e.getMessage()));
            }
        }
        TagStatistics stats = TagStatistics.of(captions);
        List<CaptionEditRun.Problem> listed = problems.stream()
                .map(p -> new CaptionEditRun.Problem(p.file().getFileName().toString(), p.message())).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(new Result(layout.root().toString(), trigger, stats.images(), uncaptioned, notFirst,
                    stats.rows(), listed)));
            return 0;
        }
        TextTable table = new TextTable("TAG", "IMAGES", "SHARE");
        for (TagCount row : stats.rows()) {
            table.row(row.tag(), row.count(), String.format(Locale.ROOT, "%.0f%%", 100 * row.share()));
        }
        table.print(out);
        out.println();
        out.println(stats.images() + " images, " + stats.rows().size() + " distinct tags, " + uncaptioned
                + " without a caption.");
        if (!notFirst.isEmpty()) {
            out.println("Trigger word \"" + trigger + "\" not first in: " + String.join(", ", notFirst)
                    + " (atelier tags trigger fixes it)");
        }
        for (CaptionEditRun.Problem p : listed) {
            out.println("Unreadable: " + p.message());
        }
        return 0;
    }
}
