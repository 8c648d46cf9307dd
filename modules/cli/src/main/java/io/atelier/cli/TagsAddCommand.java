package io.atelier.cli;

import io.atelier.core.caption.CaptionEdit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier tags add DIR TAG}. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Adds TAG to every caption in scope that lacks it; the trigger word stays first.")
final class TagsAddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaptionScope scope;

    @Parameters(index = "1", paramLabel = "TAG")
    String tag;

    @Option(names = "--position", paramLabel = "N",
            description = "1 = first (after the trigger word), 2 = second, ...; default: last")
    Integer position;

    @Option(names = "--dry-run", description = "show what would change, write nothing")
    boolean dryRun;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        if (position != null && position < 1) {
            throw new CliFailure("--position counts from 1, got " + position);
        }
        return CaptionEditRun.run(spec, scope, edit(() -> new CaptionEdit.AddTag(tag,
                position == null ? -1 : position - 1)), dryRun, json);
    }

    /** An edit whose arguments the user typed: their mistakes become one-line failures. */
    static CaptionEdit edit(java.util.function.Supplier<CaptionEdit> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }
}
