package io.atelier.engine.sdscripts.launch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.io.AtomicFiles;
import io.atelier.core.params.Params;
import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectLayout;
import io.atelier.core.run.EngineException;
import io.atelier.core.run.RunSpec;
import io.atelier.engine.sdscripts.config.ConfigTomlWriter;
import io.atelier.engine.sdscripts.config.RunPaths;
import io.atelier.engine.sdscripts.config.SdScriptsRules;
import io.atelier.engine.sdscripts.dataset.DatasetTomlWriter;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplePromptFile;
import io.atelier.engine.sdscripts.toml.TomlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes the files one segment of a run launches with into {@code runs/<id>/}: the {@code --config_file} TOML
 * (with {@code save_state = true}, so that any run can be resumed, reference §10.2), the dataset TOML on the
 * project's {@code dataset/} folder and the sample prompts, each atomically.
 */
final class RunFiles {

    static final String DATASET_TOML = "dataset.toml";
    static final String PROMPTS = "prompts.txt";

    private RunFiles() {
    }

    /**
     * @return the config file to pass as {@code --config_file}
     * @throws EngineException naming the broken rule, the missing file, or the file that could not be written
     */
    static Path write(RunSpec spec, Segment segment) throws EngineException {
        List<String> problems = SdScriptsRules.problems(spec.config());
        if (!problems.isEmpty()) {
            throw new EngineException("The configuration cannot run with sd-scripts: " + String.join("; ", problems));
        }
        if (!Files.isRegularFile(spec.baseModel())) {
            throw new EngineException("The base model " + spec.baseModel() + " does not exist or is not a file.");
        }
        Path dataset = new ProjectLayout(spec.projectRoot()).dataset();
        if (!Files.isDirectory(dataset)) {
            throw new EngineException("The dataset folder " + dataset + " does not exist.");
        }
        List<SamplePrompt> prompts;
        try {
            prompts = SamplePromptFile.fromConfig(spec.config());
        } catch (IllegalArgumentException e) {
            throw new EngineException("The sample prompts cannot be used: " + e.getMessage(), e);
        }
        boolean samples = !prompts.isEmpty() && spec.config().getInt(Params.SAMPLE_EVERY) > 0;
        Path runDir = spec.runDir();
        RunPaths paths = new RunPaths(spec.baseModel().toAbsolutePath(), runDir.resolve(DATASET_TOML).toAbsolutePath(),
                runDir.resolve(segment.outputDir()).toAbsolutePath(),
                runDir.resolve(segment.loggingDir()).toAbsolutePath(),
                samples ? Optional.of(runDir.resolve(PROMPTS).toAbsolutePath()) : Optional.empty());
        ObjectNode table = ConfigTomlWriter.table(spec.config(), paths);
        table.put("save_state", true);
        Path config = runDir.resolve(segment.configFile());
        write(config, TomlText.body(table));
        write(paths.datasetConfig(), DatasetTomlWriter.write(spec.config(), dataset.toAbsolutePath(),
                triggerWord(spec.projectRoot())));
        if (samples) {
            write(paths.samplePrompts().get(), SamplePromptFile.render(prompts));
        }
        try {
            Files.createDirectories(paths.outputDir());
        } catch (IOException e) {
            throw new EngineException("Cannot create the output folder " + paths.outputDir() + ": " + e.getMessage(), e);
        }
        return config;
    }

    /** The caption of images without a caption file: the project's trigger word, when the folder is a project. */
    private static Optional<String> triggerWord(Path projectRoot) throws EngineException {
        if (!ProjectDescriptor.isProjectFolder(projectRoot)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProjectDescriptor.read(projectRoot).triggerWord());
        } catch (IOException e) {
            throw new EngineException("Cannot read the project's trigger word: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) throws EngineException {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EngineException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
