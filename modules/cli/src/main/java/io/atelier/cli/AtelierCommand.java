package io.atelier.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code atelier}: the command line over the logic modules, for scripting, remote GPU boxes and tests.
 * Exit 0 on success; otherwise non-zero with one line on stderr that names the problem.
 */
@Command(name = "atelier", mixinStandardHelpOptions = true, version = "LoRA Atelier 1.0",
        description = "LoRA Atelier command line.",
        subcommands = {ProjectCommands.class, BaseModelCommands.class, DatasetCommands.class, TagsCommands.class,
                ConfigCommands.class, PresetCommands.class, EngineCommands.class, RunCommands.class,
                QueueCommands.class, GalleryCommands.class, CompareCommand.class, LoraCommands.class})
public final class AtelierCommand {

    /** A user error: reported as one line, exit code 1. */
    static final int FAILED = 1;
    /** The command did its job, but some files were left out; each is listed (2 is picocli's usage error). */
    static final int PARTIAL = 3;

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Store location (default: $ATELIER_HOME, else ~/.atelier).")
    String home;

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        CliLogging.warningsOnlyTo(err);
        System.exit(run(args, new PrintWriter(System.out, true), err));
    }

    /** Runs one command line; the streams are parameters so tests can run it in-process. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AtelierCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("atelier: " + oneLine(e));
            err.flush();
            return FAILED;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("atelier: " + oneLine(e));
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    private static String oneLine(Throwable e) {
        String message = e instanceof CliFailure || e.getMessage() != null ? e.getMessage() : e.toString();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
