package io.atelier.engine.djl.run;

import ai.djl.ndarray.NDManager;
import io.atelier.core.run.RunEvent;
import io.atelier.core.sampling.InfoText;
import io.atelier.core.sampling.PngParameters;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplerKind;
import io.atelier.engine.djl.sampling.Sd15Sampler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The run's sample images after an epoch, as sd-scripts makes them (reference §11): every prompt with its own seed,
 * the same each epoch, written to {@code out/sample/<name>_e<epoch:06d>_<index:02d>_<YYYYmmddHHMMSS>_<seed>.png} with
 * the A1111 infotext, each reported as a {@link RunEvent.SampleWritten}.
 */
final class EpochSamples {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Sd15Sampler sampler;
    private final RunOptions.Samples samples;
    private final RunOptions options;
    private final Path baseModel;
    private final String baseModelSha256;
    private final Path sampleDir;
    private final RunEvents events;

    EpochSamples(Sd15Sampler sampler, RunOptions options, Path baseModel, String baseModelSha256, Path runDir,
            RunEvents events) {
        this.sampler = sampler;
        this.samples = options.samples();
        this.options = options;
        this.baseModel = baseModel;
        this.baseModelSha256 = baseModelSha256;
        this.sampleDir = runDir.resolve("out").resolve("sample");
        this.events = events;
    }

    /** The sampler for a prompt: its {@code --ss}, else {@code sample_sampler}; names without a built-in run as DDIM. */
    SamplerKind kindFor(SamplePrompt p) {
        String name = p.sampler().orElse(samples.sampler());
        Optional<SamplerKind> kind = SamplerKind.forName(name);
        if (kind.isEmpty()) {
            events.log("Sampler " + name + " has no built-in version; sampling with DDIM (as sd-scripts does for "
                    + "names it does not know)");
        }
        return kind.orElse(SamplerKind.DDIM);
    }

    /** @throws java.util.concurrent.CancellationException when a stop is requested between sampler steps */
    void write(int epoch, long step, NDManager arrays, BooleanSupplier stopRequested) throws IOException {
        Files.createDirectories(sampleDir);
        events.log("generating sample images at step " + step);
        List<SamplePrompt> prompts = samples.prompts();
        for (int i = 0; i < prompts.size(); i++) {
            SamplePrompt p = prompts.get(i);
            SamplerKind kind = kindFor(p);
            events.log("prompt: " + p.prompt() + (p.negative().isEmpty() ? "" : "; negative_prompt: " + p.negative())
                    + "; " + p.width() + "x" + p.height() + ", sample_steps: " + p.steps() + ", scale: "
                    + p.cfgScale() + ", sample_sampler: " + kind.id() + ", seed: " + p.seed());
            BufferedImage image = sampler.sample(p, kind, arrays, stopRequested, s -> { });
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("LoRA", options.outputName());
            extra.put("Epoch", Integer.toString(epoch));
            extra.put("Version", "LoRA Atelier built-in engine");
            String name = baseModel.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            InfoText text = InfoText.of(p, kind, options.clipSkip(), name, baseModelSha256, extra);
            Path file = sampleDir.resolve(String.format("%s_e%06d_%02d_%s_%d.png", options.outputName(), epoch, i,
                    LocalDateTime.now().format(STAMP), p.seed()));
            PngParameters.write(file, image, text.render());
            events.send(new RunEvent.SampleWritten(file, epoch, step, i));
        }
    }
}
