package io.atelier.runner.gallery;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.gallery.EpochGrid;
import io.atelier.core.gallery.EpochPick;
import io.atelier.core.gallery.GenerationPlan;
import io.atelier.core.gallery.SampleImage;
import io.atelier.core.params.Params;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunSpecJson;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplePromptFile;
import io.atelier.runner.RunException;
import io.atelier.store.RunFile;
import io.atelier.store.Store;
import io.atelier.store.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One run's gallery as the store has it: its spec, the LoRA file of each saved epoch, its samples, its pick.
 *
 * @param checkpoints epoch → LoRA file, as the engine reported them (the last epoch is sd-scripts' un-numbered file)
 * @param steps       epoch → the step the checkpoint was saved at
 */
public record RunGallery(StoredRun run, RunSpec spec, Map<Integer, Path> checkpoints, Map<Integer, Long> steps,
        List<SampleImage> samples, Optional<EpochPick> pick) {

    /** @throws RunException when there is no such run */
    public static RunGallery load(Store store, UUID runId) throws RunException {
        StoredRun run = store.runs().find(runId).orElseThrow(() -> new RunException("there is no run " + runId));
        RunSpec spec = RunSpecJson.read(run.spec());
        Map<Integer, Path> checkpoints = new TreeMap<>();
        Map<Integer, Long> steps = new TreeMap<>();
        for (RunFile f : store.runs().files(runId)) {
            if (f.kind() == RunFile.Kind.CHECKPOINT) {
                checkpoints.put(f.epoch(), f.path());
                steps.put(f.epoch(), f.step());
            }
        }
        return new RunGallery(run, spec, checkpoints, steps, store.gallery().samples(runId),
                store.gallery().pick(runId));
    }

    /** The run's own base model's file name: the grid shown first. */
    public String baseModelName() {
        return spec.baseModel().getFileName().toString();
    }

    /** The base models its samples were made on, the run's own first. */
    public List<String> baseModels() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        names.add(baseModelName());
        samples.forEach(s -> names.add(s.baseModel()));
        return List.copyOf(names);
    }

    public EpochGrid grid(String baseModel, EpochGrid.Axis axis, int promptIndex) {
        return EpochGrid.of(samples, List.copyOf(checkpoints.keySet()), baseModel, axis, promptIndex);
    }

    /** The run's sample prompts (empty when it had none, or they no longer parse). */
    public List<SamplePrompt> prompts() {
        try {
            return SamplePromptFile.fromConfig(spec.config());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The epoch's LoRA file, if the run saved one and it is still there. */
    public Optional<Path> checkpoint(int epoch) {
        return Optional.ofNullable(checkpoints.get(epoch)).filter(Files::isRegularFile);
    }

    /** What to make: the chosen axes over this run, on registered base models. */
    public GenerationPlan.Choice choice(List<SamplePrompt> prompts, List<Integer> epochs, List<Long> seeds,
            List<Double> cfgScales, List<BaseModel> baseModels, List<Double> strengths) {
        return new GenerationPlan.Choice(run.id(), run.runDir(), checkpoints, steps, prompts, epochs, seeds,
                cfgScales, baseModels.stream().map(b -> new GenerationPlan.BaseModelChoice(b.file(), b.sha256(),
                        b.family())).toList(), strengths, spec.config().getString(Params.SAMPLE_SAMPLER),
                spec.config().getInt(Params.CLIP_SKIP));
    }
}
