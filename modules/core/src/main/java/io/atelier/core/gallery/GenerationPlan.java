package io.atelier.core.gallery;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.sampling.GenerationRequest;
import io.atelier.core.sampling.SamplePrompt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The images to make for a run's gallery: every chosen epoch (0 = the base model alone) × prompt × seed × CFG × base
 * model × LoRA strength, less the cells the gallery already has. Files go to
 * {@code runs/<id>/gallery/<base model>/e<epoch>_p<prompt>_s<seed>_cfg<cfg>_x<strength>.png}.
 */
public final class GenerationPlan {

    /** A base model to sample on. */
    public record BaseModelChoice(Path file, String sha256, BaseModelFamily family) {
        public String name() {
            return file.getFileName().toString();
        }
    }

    /**
     * What to make.
     *
     * @param checkpoints epoch → the run's LoRA file of that epoch
     * @param seeds       empty: each prompt's own seed
     * @param cfgScales   empty: each prompt's own CFG
     * @param strengths   empty: 1.0
     */
    public record Choice(UUID runId, Path runDir, Map<Integer, Path> checkpoints, Map<Integer, Long> stepOfEpoch,
            List<SamplePrompt> prompts, List<Integer> epochs, List<Long> seeds, List<Double> cfgScales,
            List<BaseModelChoice> baseModels, List<Double> strengths, String defaultSampler, int clipSkip) {
    }

    /** One image to make, with what the gallery records once it is written. */
    public record Cell(GenerationRequest request, UUID runId, int epoch, long step, int promptIndex) {
        public SampleImage asSample(java.time.Instant created) {
            GenerationRequest r = request;
            SamplePrompt p = r.prompt();
            return new SampleImage(UUID.randomUUID(), runId, r.output(), SampleImage.Source.GENERATED, epoch, step,
                    promptIndex, p.prompt(), p.negative(), (long) p.seed(), r.sampler(), p.cfgScale(), p.steps(),
                    p.width(), p.height(), r.checkpoint().getFileName().toString(), r.checkpointSha256(),
                    r.lora() == null ? 1 : r.loraStrength(), created);
        }
    }

    private GenerationPlan() {
    }

    /**
     * @throws IllegalArgumentException naming an epoch that has no LoRA file, or an empty choice
     */
    public static List<Cell> missing(Choice c, List<SampleImage> existing) {
        if (c.prompts().isEmpty() || c.epochs().isEmpty() || c.baseModels().isEmpty()) {
            throw new IllegalArgumentException("choose at least one prompt, one epoch and one base model");
        }
        for (int e : c.epochs()) {
            if (e != 0 && !c.checkpoints().containsKey(e)) {
                throw new IllegalArgumentException("epoch " + e + " has no LoRA file (the run saved epochs "
                        + c.checkpoints().keySet() + ")");
            }
        }
        Set<CellKey> have = new HashSet<>();
        existing.forEach(s -> have.add(CellKey.of(s)));
        Map<CellKey, Cell> cells = new LinkedHashMap<>();
        List<Double> strengths = c.strengths().isEmpty() ? List.of(1.0) : c.strengths();
        for (BaseModelChoice model : c.baseModels()) {
            for (int epoch : c.epochs()) {
                for (int i = 0; i < c.prompts().size(); i++) {
                    SamplePrompt base = c.prompts().get(i);
                    for (long seed : c.seeds().isEmpty() ? List.of((long) base.seed()) : c.seeds()) {
                        for (double cfg : c.cfgScales().isEmpty() ? List.of(base.cfgScale()) : c.cfgScales()) {
                            // the base model has no LoRA strength: one image, whatever the strengths
                            for (double strength : epoch == 0 ? List.of(1.0) : strengths) {
                                SamplePrompt p = new SamplePrompt(base.prompt(), base.negative(), base.width(),
                                        base.height(), Math.toIntExact(seed), cfg, base.steps(), base.sampler());
                                Cell cell = cell(c, model, epoch, i, p, strength);
                                CellKey key = CellKey.of(cell.asSample(java.time.Instant.EPOCH));
                                if (!have.contains(key)) {
                                    cells.putIfAbsent(key, cell);
                                }
                            }
                        }
                    }
                }
            }
        }
        return new ArrayList<>(cells.values());
    }

    private static Cell cell(Choice c, BaseModelChoice model, int epoch, int promptIndex, SamplePrompt p,
            double strength) {
        String sampler = p.sampler().orElse(c.defaultSampler());
        String stem = model.name().replaceFirst("\\.[^.]+$", "");
        Path out = c.runDir().resolve("gallery").resolve(safe(stem)).resolve(String.format(Locale.ROOT,
                "e%03d_p%02d_s%d_cfg%s_x%s.png", epoch, promptIndex, p.seed(), number(p.cfgScale()),
                epoch == 0 ? "0" : number(strength)));
        Map<String, String> extra = new LinkedHashMap<>();
        Optional<Path> lora = Optional.ofNullable(epoch == 0 ? null : c.checkpoints().get(epoch));
        lora.ifPresent(f -> {
            extra.put("Lora", f.getFileName().toString());
            extra.put("Lora strength", number(strength));
        });
        extra.put("Epoch", Integer.toString(epoch));
        extra.put("Version", "LoRA Atelier gallery");
        GenerationRequest request = new GenerationRequest(model.file(), model.sha256(), model.family(),
                lora.orElse(null), strength, p, sampler, c.clipSkip(), out, extra);
        return new Cell(request, c.runId(), epoch, c.stepOfEpoch().getOrDefault(epoch, 0L), promptIndex);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
