package io.atelier.cli;

import io.atelier.core.caption.CaptionEdit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier tags replace DIR FROM TO}, by tag or by regular expression, and the underscore clean-up. */
@Command(name = "replace", mixinStandardHelpOptions = true,
        description = {"Replaces tag FROM with TO in every caption in scope.",
                "--regex: FROM is a regular expression over the caption text (\"a, b, c\"), TO may use $1...",
                "--underscores: replaces underscores with spaces in every tag (kaomoji such as ^_^ kept); no FROM/TO.",
                "--sort: sorts the tags alphabetically, the trigger word staying first; no FROM/TO."})
final class TagsReplaceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaptionScope scope;

    @Parameters(index = "1", paramLabel = "FROM", arity = "0..1")
    String from;

    @Parameters(index = "2", paramLabel = "TO", arity = "0..1")
    String to;

    @Option(names = "--regex", description = "FROM is a regular expression")
    boolean regex;

    @Option(names = "--underscores", description = "underscores to spaces in every tag")
    boolean underscores;

    @Option(names = "--sort", description = "sort tags alphabetically")
    boolean sort;

    @Option(names = "--dry-run", description = "show what would change, write nothing")
    boolean dryRun;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        CaptionEdit edit;
        if (underscores || sort) {
            if (from != null || regex || (underscores && sort)) {
                throw new CliFailure("--underscores and --sort take no FROM/TO and no --regex, one at a time");
            }
            edit = underscores ? new CaptionEdit.UnderscoresToSpaces()
                    : new CaptionEdit.SortTags(scope.trigger(scope.layout()));
        } else {
            if (from == null || to == null) {
                throw new CliFailure("give FROM and TO");
            }
            edit = TagsAddCommand.edit(() -> regex ? new CaptionEdit.RegexReplace(from, to)
                    : new CaptionEdit.ReplaceTag(from, to));
        }
        return CaptionEditRun.run(spec, scope, edit, dryRun, json);
    }
}
