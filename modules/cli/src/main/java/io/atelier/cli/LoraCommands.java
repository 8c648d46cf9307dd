package io.atelier.cli;

import picocli.CommandLine.Command;

/** {@code atelier lora}: LoRA files, ours or anyone's. */
@Command(name = "lora", mixinStandardHelpOptions = true, description = "LoRA .safetensors files.",
        subcommands = {LoraInspectCommand.class})
final class LoraCommands {
}
