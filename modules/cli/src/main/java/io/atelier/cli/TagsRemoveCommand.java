package io.atelier.cli;

import io.atelier.core.caption.CaptionEdit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier tags remove DIR TAG}, and the clean-ups that remove: duplicates. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Removes TAG from every caption in scope; with --duplicates, removes repeated tags instead.")
final class TagsRemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaptionScope scope;

    @Parameters(index = "1", paramLabel = "TAG", arity = "0..1")
    String tag;

    @Option(names = "--duplicates", description = "remove tags repeated within a caption (first one stays)")
    boolean duplicates;

    @Option(names = "--dry-run", description = "show what would change, write nothing")
    boolean dryRun;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        if (duplicates == (tag != null)) {
            throw new CliFailure("give either TAG or --duplicates");
        }
        CaptionEdit edit = duplicates ? new CaptionEdit.RemoveDuplicates()
                : TagsAddCommand.edit(() -> new CaptionEdit.RemoveTag(tag));
        return CaptionEditRun.run(spec, scope, edit, dryRun, json);
    }
}
