package io.atelier.engine.sdscripts.launch;

import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.core.run.EngineException;
import io.atelier.engine.sdscripts.config.ModelFamilies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The argument list and environment that start one sd-scripts training (reference §2), never a shell string: every
 * training argument travels in the {@code --config_file} TOML; the launcher gets the single-GPU options that silence
 * accelerate's defaulting warnings, with its {@code --mixed_precision} equal to the config's.
 *
 * @param command     program and arguments, for {@link ProcessBuilder}
 * @param environment variables added to the inherited environment
 * @param workingDir  the sd-scripts folder (sd-scripts imports {@code library.*} relative to it)
 */
public record LaunchCommand(List<String> command, Map<String, String> environment, Path workingDir) {

    public LaunchCommand {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDir, "workingDir");
    }

    /**
     * @param configFile the run's {@code --config_file}
     * @param resumeFrom a {@code *-state} folder to continue from ({@code --resume}), or empty
     * @throws EngineException naming the program and the setting to fix when a program is missing or not executable
     */
    public static LaunchCommand of(SdScriptsSettings settings, TrainingConfig config, Path configFile,
                                   Optional<Path> resumeFrom) throws EngineException {
        Path dir = settings.dir().orElseThrow(() -> new EngineException("The sd-scripts folder is not set: set \""
                + SdScriptsSettings.DIR + "\" in the sd-scripts engine settings."));
        Path script = dir.resolve(ModelFamilies.trainingScript(config));
        List<String> cmd = new ArrayList<>();
        boolean viaAccelerate = settings.accelerate().isPresent();
        if (viaAccelerate) {
            cmd.add(program(settings.accelerate().get(), "accelerate command", SdScriptsSettings.ACCELERATE, dir));
            cmd.addAll(List.of("launch", "--num_cpu_threads_per_process", "1",
                    "--mixed_precision", config.getString(Params.MIXED_PRECISION),
                    "--num_processes", "1", "--num_machines", "1", "--dynamo_backend", "no"));
            settings.gpu().ifPresent(g -> cmd.addAll(List.of("--gpu_ids", g)));
        } else {
            cmd.add(program(settings.python(), "Python command", SdScriptsSettings.PYTHON, dir));
        }
        cmd.add(script.toString());
        cmd.addAll(List.of("--config_file", configFile.toString(), "--console_log_simple"));
        resumeFrom.ifPresent(state -> cmd.addAll(List.of("--resume", state.toString())));
        Map<String, String> env = new TreeMap<>();
        ProcessEnvironment.apply(env, settings, viaAccelerate);
        return new LaunchCommand(cmd, env, dir);
    }

    private static String program(String command, String what, String key, Path dir) throws EngineException {
        Programs.Resolution r = Programs.resolve(command, "the " + what, dir);
        if (!r.found()) {
            throw new EngineException(capitalize(r.problem()) + ": set \"" + key
                    + "\" in the sd-scripts engine settings to a program that exists and is executable.");
        }
        return r.program().toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public ProcessBuilder processBuilder() {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
        pb.environment().putAll(environment);
        return pb;
    }
}
