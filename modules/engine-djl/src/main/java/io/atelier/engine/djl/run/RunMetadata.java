package io.atelier.engine.djl.run;

import io.atelier.core.buckets.Bucket;
import io.atelier.core.lora.KohyaMetadata;
import io.atelier.core.lora.PythonText;
import io.atelier.core.params.Params;
import io.atelier.core.params.StepBudget;
import io.atelier.core.params.TrainingConfig;
import io.atelier.core.run.RunSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The {@code ss_*} metadata of the run's LoRA files, filled from the spec; per save the step, epoch and time. */
final class RunMetadata {

    /** sd-scripts names the folder of a run without a dataset config; ours is the project's {@code dataset/}. */
    static final String DATASET_DIR = "dataset";

    private final RunSpec spec;
    private final RunOptions options;
    private final List<TrainingImage> images;
    private final int validationImages;
    private final StepBudget budget;
    private final long sessionId;
    private final Instant startedAt;
    private final String engineDescription;

    /** @param images the training images (without those held out for validation) */
    RunMetadata(RunSpec spec, RunOptions options, List<TrainingImage> images, int validationImages, StepBudget budget,
            long sessionId, Instant startedAt, String engineDescription) {
        this.spec = spec;
        this.options = options;
        this.images = images;
        this.validationImages = validationImages;
        this.budget = budget;
        this.sessionId = sessionId;
        this.startedAt = startedAt;
        this.engineDescription = engineDescription;
    }

    Map<String, String> forSave(int step, int epoch, Instant at) {
        TrainingConfig c = spec.config();
        KohyaMetadata m = new KohyaMetadata()
                .sessionId(sessionId)
                .trainingStartedAt(startedAt)
                .outputName(options.outputName())
                .learningRates(options.learningRate(), options.unetOnly() ? null : options.textLr(), options.unetLr())
                .counts(images.size() * options.repeats(), 0, Math.toIntExact(budget.batchesPerEpoch()),
                        options.epochs(), Math.toIntExact(budget.totalSteps()))
                .batchSize(options.batchSize())
                .gradient(false, options.accumulation(), 1.0)
                .lrScheduler(options.scheduler().parameterName(), options.warmup())
                .network(options.rank(), options.alpha())
                .mixedPrecision("no")
                .clipSkip(options.clipSkip())
                .cacheLatents(true)
                .seed(options.seed())
                .noiseOffset(options.noiseOffset())
                .minSnrGamma(options.minSnrGamma() > 0 ? options.minSnrGamma() : null)
                .optimizer(options.optimizerMetadata())
                .trainingComment("trained by LoRA Atelier's built-in engine (" + engineDescription + ")")
                .resolution(options.resolution(), options.resolution())
                .augmentation(options.flipAug(), options.shuffleCaption(), options.keepTokens())
                .buckets(options.buckets().enabled(), options.buckets().noUpscale(), options.buckets().minReso(),
                        options.buckets().maxReso())
                .tagFrequency(Map.of(DATASET_DIR, Captions.tagFrequency(images.stream()
                        .map(TrainingImage::caption).toList())))
                .datasetDir(DATASET_DIR, options.repeats(), images.size())
                .baseModel(spec.baseModel().getFileName().toString(),
                        spec.baseModelSha256() == null ? PythonText.NONE : spec.baseModelSha256())
                .put("ss_network_dropout", PythonText.str(options.dropout()))
                .put("ss_bucket_info", bucketInfo())
                .put("ss_num_validation_images", Integer.toString(validationImages * options.repeats()))
                .implementationVersion("lora-atelier/builtin")
                .saved(step, epoch, at);
        if (options.validation().split() > 0) {
            m.put("ss_validation_split", PythonText.str(options.validation().split()))
                    .put("ss_validation_seed", Long.toString(options.validation().seed()));
        }
        if (!c.getString(Params.OUTPUT_NAME).isBlank()) {
            m.title(c.getString(Params.OUTPUT_NAME).strip());
        }
        return m.build();
    }

    /** {@code {"buckets": {"0": {"resolution": [w, h], "count": n}}, "mean_img_ar_error": e}}, counts with repeats. */
    private String bucketInfo() {
        SortedMap<Bucket, Integer> counts = new TreeMap<>();
        double error = 0;
        for (TrainingImage i : images) {
            counts.merge(i.bucket(), options.repeats(), Integer::sum);
            error += Math.abs(i.assignment().aspectError());
        }
        Map<String, Object> buckets = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<Bucket, Integer> e : counts.entrySet()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("resolution", List.of(e.getKey().width(), e.getKey().height()));
            b.put("count", e.getValue());
            buckets.put(Integer.toString(index++), b);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("buckets", buckets);
        info.put("mean_img_ar_error", error / images.size());
        return PythonText.jsonDumps(info);
    }
}
