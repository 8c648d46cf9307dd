package io.atelier.cli;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.exporting.ConfigExporter;
import io.atelier.engine.sdscripts.exporting.ExportFormat;
import io.atelier.engine.sdscripts.exporting.ExportInputs;
import io.atelier.imaging.export.DatasetZipExporter;
import io.atelier.imaging.export.ExportResult;
import io.atelier.imaging.report.DatasetReport;
import io.atelier.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier config export DIR --format sd-scripts|kohya-gui|civitai --out OUTDIR}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the project's configuration for another tool:",
                "sd-scripts: train.toml (--config_file), dataset.toml (--dataset_config) and prompts.txt;",
                "kohya-gui: a kohya_ss GUI preset JSON;",
                "civitai: the parameter sheet (civitai.txt, civitai.json) and the dataset zip (images + .txt)."})
final class ConfigExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--format", required = true, paramLabel = "sd-scripts|kohya-gui|civitai")
    String format;

    @Option(names = "--out", required = true, paramLabel = "OUTDIR")
    Path out;

    @Option(names = "--model", paramLabel = "FILE",
            description = "base model .safetensors (default: the configuration's registered base model)")
    Path model;

    @Override
    public Integer call() {
        ExportFormat exportFormat;
        try {
            exportFormat = ExportFormat.byId(format);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        ProjectConfigs p = ProjectConfigs.read(dir);
        TrainingConfig config = p.config().config();
        int images;
        try {
            images = DatasetReport.imageFiles(p.layout()).size();
        } catch (IOException e) {
            throw new CliFailure("cannot read " + p.layout().dataset() + ": " + e.getMessage(), e);
        }
        ExportInputs inputs = new ExportInputs(p.layout().dataset(), baseModel(config),
                Optional.of(p.project().triggerWord()), OptionalInt.of(images));
        List<String> lines = new ArrayList<>();
        try {
            ConfigExporter.Result result = ConfigExporter.export(exportFormat, config, inputs, out.toAbsolutePath());
            result.files().forEach(f -> lines.add("Wrote " + f));
            result.notes().forEach(n -> lines.add("Note: " + n));
            if (exportFormat == ExportFormat.CIVITAI) {
                Path zip = out.toAbsolutePath().resolve(config.getString(Params.OUTPUT_NAME) + "-dataset.zip");
                ExportResult z = new DatasetZipExporter().export(p.layout(), zip, null);
                lines.add("Wrote " + z.zip() + " (" + z.images() + " images, " + z.captions() + " captions)");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        lines.forEach(o::println);
        return 0;
    }

    /** --model, else the registered base model the configuration names (its SHA-256), else none. */
    private Optional<Path> baseModel(TrainingConfig config) {
        if (model != null) {
            return Optional.of(model.toAbsolutePath());
        }
        String sha = config.getString(Params.BASE_MODEL);
        if (sha.isBlank()) {
            return Optional.empty();
        }
        AtelierCommand root = (AtelierCommand) spec.root().userObject();
        try (Store store = StoreSession.open(root.home, spec.commandLine().getErr())) {
            return store.baseModels().findBySha256(sha).map(BaseModel::file);
        }
    }
}
