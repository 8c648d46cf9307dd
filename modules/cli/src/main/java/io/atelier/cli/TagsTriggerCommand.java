package io.atelier.cli;

import io.atelier.core.caption.CaptionEdit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atelier tags trigger DIR}: keep tokens = 1 means the trigger word must lead every caption. */
@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Puts the project's trigger word (from atelier.json) first in every caption in scope, "
                + "moving it to the front or inserting it; other spellings of it are removed.")
final class TagsTriggerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaptionScope scope;

    @Option(names = "--dry-run", description = "show what would change, write nothing")
    boolean dryRun;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        String trigger = scope.trigger(scope.layout());
        return CaptionEditRun.run(spec, scope, TagsAddCommand.edit(() -> new CaptionEdit.TriggerFirst(trigger)),
                dryRun, json);
    }
}
