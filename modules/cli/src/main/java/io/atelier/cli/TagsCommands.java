package io.atelier.cli;

import picocli.CommandLine.Command;

/** {@code atelier tags}: the captions of a project's dataset. */
@Command(name = "tags", mixinStandardHelpOptions = true,
        description = "The captions (.txt tags beside each image) of a LoRA project.",
        subcommands = {TagsAddCommand.class, TagsRemoveCommand.class, TagsReplaceCommand.class,
                TagsTriggerCommand.class, TagsStatsCommand.class, TagsAutoCommand.class, TagsPreprocessCommand.class})
final class TagsCommands {
}
