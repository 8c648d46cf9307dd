package io.atelier.core.gallery;

import io.atelier.core.params.Params;
import io.atelier.core.run.RunSpec;
import io.atelier.core.sampling.InfoText;
import io.atelier.core.sampling.PngParameters;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplePromptFile;
import io.atelier.core.sampling.SamplerKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run's sample image shows, from the best source there is: the PNG's own {@code parameters} text (the built-in
 * engine writes it), else the run's frozen sample prompt at the image's index, with the seed from sd-scripts' file
 * name ({@code …_<seed>.png}, present only when the prompt had {@code --d}).
 */
public final class SampleFacts {

    /** sd-scripts' sample name ends {@code _<YYYYmmddHHMMSS>[_<seed>].png}. */
    private static final Pattern SEED = Pattern.compile("_\\d{14}_(-?\\d+)\\.png$");

    private SampleFacts() {
    }

    /**
     * The sample as a gallery image. An unreadable PNG is not an error here (its row is still worth having: the
     * gallery shows the file as missing or broken); its facts then come from the spec.
     */
    public static SampleImage of(RunSpec spec, Path file, int epoch, long step, int promptIndex, Instant created) {
        Optional<InfoText> info = infoText(file);
        Optional<SamplePrompt> fromSpec = specPrompt(spec, promptIndex);
        String baseModel = spec.baseModel().getFileName().toString();
        if (info.isPresent()) {
            InfoText t = info.get();
            Map<String, String> s = t.settings();
            int[] size = size(s.get("Size"));
            return new SampleImage(UUID.randomUUID(), spec.runId(), file, SampleImage.Source.RUN, epoch, step,
                    promptIndex, t.prompt(), t.negativePrompt(), longOrNull(s.get("Seed")),
                    samplerId(s.getOrDefault("Sampler", "")), doubleOr(s.get("CFG scale"), 0), (int) doubleOr(s.get("Steps"), 0),
                    size[0], size[1], baseModel, spec.baseModelSha256(), 1, created);
        }
        SamplePrompt p = fromSpec.orElse(null);
        Long seed = seedFromName(file);
        String sampler = p == null ? "" : p.sampler().orElse(spec.config().getString(Params.SAMPLE_SAMPLER));
        return new SampleImage(UUID.randomUUID(), spec.runId(), file, SampleImage.Source.RUN, epoch, step,
                promptIndex, p == null ? "" : p.prompt(), p == null ? "" : p.negative(), seed, sampler,
                p == null ? 0 : p.cfgScale(), p == null ? 0 : p.steps(), p == null ? 0 : p.width(),
                p == null ? 0 : p.height(), baseModel, spec.baseModelSha256(), 1, created);
    }

    /** sd-scripts' name for an A1111 name where there is one ({@code Euler a} → {@code euler_a}). */
    static String samplerId(String name) {
        return SamplerKind.forName(name).map(SamplerKind::id).orElse(name);
    }

    private static Optional<InfoText> infoText(Path file) {
        try {
            return PngParameters.read(file).map(InfoText::parse);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<SamplePrompt> specPrompt(RunSpec spec, int index) {
        try {
            List<SamplePrompt> prompts = SamplePromptFile.fromConfig(spec.config());
            return index >= 0 && index < prompts.size() ? Optional.of(prompts.get(index)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the run was started with these prompts; a later rule change must not lose it
        }
    }

    static Long seedFromName(Path file) {
        Matcher m = SEED.matcher(file.getFileName().toString());
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    private static int[] size(String text) {
        if (text != null) {
            String[] wh = text.split("x");
            if (wh.length == 2) {
                try {
                    return new int[]{Integer.parseInt(wh[0].strip()), Integer.parseInt(wh[1].strip())};
                } catch (NumberFormatException e) {
                    // not A1111's WxH: unknown size
                }
            }
        }
        return new int[]{0, 0};
    }

    private static Long longOrNull(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double doubleOr(String text, double fallback) {
        try {
            return text == null ? fallback : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
