package io.atelier.engine.sdscripts.exporting;

import io.atelier.core.io.AtomicFiles;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.civitai.CivitaiSheet;
import io.atelier.engine.sdscripts.config.ConfigTomlWriter;
import io.atelier.engine.sdscripts.config.RunPaths;
import io.atelier.engine.sdscripts.dataset.DatasetTomlWriter;
import io.atelier.engine.sdscripts.kohya.KohyaGuiExport;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplePromptFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one export format into a folder, each file atomically:
 * <ul>
 * <li>sd-scripts: {@code train.toml} ({@code --config_file}), {@code dataset.toml}, {@code prompts.txt} when there are
 * sample prompts; the TOML points at {@code out/} and {@code logs/} beside them;</li>
 * <li>kohya-gui: {@code <output_name>.json}, a preset for {@code presets/lora/user_presets/};</li>
 * <li>civitai: {@code civitai.txt} and {@code civitai.json}, the parameter sheet (the dataset zip is made by
 * {@code DatasetZipExporter} in the imaging module).</li>
 * </ul>
 */
public final class ConfigExporter {

    /** The files written and what the format could not carry. */
    public record Result(List<Path> files, List<String> notes) {
        public Result {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    private ConfigExporter() {
    }

    public static Result export(ExportFormat format, TrainingConfig c, ExportInputs in, Path outDir)
            throws IOException {
        Files.createDirectories(outDir);
        return switch (format) {
            case SD_SCRIPTS -> sdScripts(c, in, outDir);
            case KOHYA_GUI -> kohya(c, outDir);
            case CIVITAI -> civitai(c, in, outDir);
        };
    }

    private static Result sdScripts(TrainingConfig c, ExportInputs in, Path outDir) throws IOException {
        Path model = in.pretrainedModel().orElseThrow(() -> new IllegalArgumentException(
                "pretrained model: the sd-scripts export needs the base model file"));
        List<SamplePrompt> prompts = SamplePromptFile.fromConfig(c);
        RunPaths paths = RunPaths.inRunFolder(model.toAbsolutePath(), outDir.toAbsolutePath(), !prompts.isEmpty());
        List<Path> files = new ArrayList<>();
        files.add(write(outDir.resolve("train.toml"), ConfigTomlWriter.write(c, paths)));
        files.add(write(paths.datasetConfig(), DatasetTomlWriter.write(c, in.datasetDir().toAbsolutePath(),
                in.triggerWord())));
        if (paths.samplePrompts().isPresent()) {
            files.add(write(paths.samplePrompts().get(), SamplePromptFile.render(prompts)));
        }
        return new Result(files, List.of());
    }

    private static Result kohya(TrainingConfig c, Path outDir) throws IOException {
        ExportedText json = KohyaGuiExport.export(c);
        String name = c.getString(Params.OUTPUT_NAME).replaceAll("[\\\\/:*?\"<>|]", "_");
        return new Result(List.of(write(outDir.resolve(name + ".json"), json.text())), json.notes());
    }

    private static Result civitai(TrainingConfig c, ExportInputs in, Path outDir) throws IOException {
        return new Result(List.of(
                write(outDir.resolve("civitai.txt"), CivitaiSheet.text(c, in.imageCount())),
                write(outDir.resolve("civitai.json"), CivitaiSheet.json(c, in.imageCount()))),
                List.of("Civitai's own parameter labels are unverified; the labels follow the workflow reference"));
    }

    private static Path write(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
