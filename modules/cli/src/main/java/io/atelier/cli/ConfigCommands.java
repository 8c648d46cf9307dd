package io.atelier.cli;

import picocli.CommandLine.Command;

/** {@code atelier config}: a project's training configuration. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "A LoRA project's training configuration (configs/training.json): values, step budget, checks.",
        subcommands = {ConfigShowCommand.class, ConfigSetCommand.class, ConfigStepsCommand.class,
                ConfigCheckCommand.class, ConfigExportCommand.class})
final class ConfigCommands {
}
