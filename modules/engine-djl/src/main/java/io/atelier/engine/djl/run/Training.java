package io.atelier.engine.djl.run;

import io.atelier.engine.djl.nn.OwnedArrays;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.atelier.core.buckets.Bucket;
import io.atelier.core.buckets.BucketAssignment;
import io.atelier.core.buckets.ImageSize;
import io.atelier.core.diffusion.LrSchedule;
import io.atelier.core.diffusion.NoiseSchedule;
import io.atelier.core.params.Params;
import io.atelier.core.params.StepBudget;
import io.atelier.core.run.EngineException;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunState;
import io.atelier.engine.djl.lora.LoraConfig;
import io.atelier.engine.djl.lora.LoraNetwork;
import io.atelier.engine.djl.model.Sd15Checkpoint;
import io.atelier.engine.djl.model.Sd15Heads;
import io.atelier.engine.djl.model.Sd15Part;
import io.atelier.engine.djl.model.clip.ClipTextEncoder;
import io.atelier.engine.djl.sampling.Sd15Sampler;
import io.atelier.engine.djl.tokenizer.ClipTokenizer;
import io.atelier.engine.djl.tokenizer.TokenizerFiles;
import io.atelier.engine.djl.training.LoraTrainer;
import io.atelier.engine.djl.training.NoGrad;
import io.atelier.engine.djl.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * One run of the built-in engine, on its thread: load the checkpoint, encode the dataset once, then sd-scripts'
 * loop (epochs × bucketed batches, gradient accumulation, scheduled rates), saving a kohya LoRA file and a resumable
 * state after each saved epoch. Every step's randomness comes from a generator seeded with the run's seed and the
 * global step, and every epoch's batch order from seed + epoch, so a resumed run repeats an uninterrupted one.
 */
final class Training {

    /** sd-scripts' {@code max_grad_norm} default. */
    private static final float MAX_GRAD_NORM = 1.0f;

    private final RunSpec spec;
    private final RunOptions options;
    private final TokenizerFiles tokenizerFiles;
    private final Sd15Heads heads;
    private final TrainState resumeFrom;
    private final String engineDescription;
    private final RunEvents events;

    /** What a failure message names: the batch that was being trained. */
    private int currentBatch;
    private Bucket currentBucket;

    Training(RunSpec spec, RunOptions options, TokenizerFiles tokenizerFiles, Sd15Heads heads, TrainState resumeFrom,
            String engineDescription, RunEvents events) {
        this.spec = spec;
        this.options = options;
        this.tokenizerFiles = tokenizerFiles;
        this.heads = heads;
        this.resumeFrom = resumeFrom;
        this.engineDescription = engineDescription;
        this.events = events;
    }

    /** Trains until done, stopped or failed; never throws. */
    RunEvent.Finished run(BooleanSupplier stopRequested) {
        try {
            return train(stopRequested);
        } catch (OutOfMemoryError e) {
            return failed("out of memory " + where() + ": " + e.getMessage()
                    + ". Lower train_batch_size or the resolution.", e);
        } catch (ai.djl.engine.EngineException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("out of memory")) {
                // CUDA's allocator reports it as an engine error, not a Java OutOfMemoryError
                return failed("the GPU ran out of memory " + where() + ". Lower train_batch_size or the resolution. ("
                        + message.lines().findFirst().orElse(message) + ")", e);
            }
            return failed("the PyTorch engine failed " + where() + ": " + message, e);
        } catch (EngineException e) {
            return failed(e.getMessage(), e);
        } catch (IOException e) {
            return failed("reading or writing a file failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return failed("the training failed " + where() + ": " + e, e);
        }
    }

    private String where() {
        return currentBucket == null ? "while loading"
                : "at batch size " + currentBatch + ", resolution " + currentBucket.width() + "x"
                        + currentBucket.height();
    }

    private RunEvent.Finished failed(String reason, Throwable cause) {
        events.error(reason);
        System.getLogger(Training.class.getName()).log(System.Logger.Level.DEBUG, reason, cause);
        return new RunEvent.Finished(RunState.FAILED, reason);
    }

    private RunEvent.Finished train(BooleanSupplier stopRequested) throws EngineException, IOException {
        Engine engine = DjlRuntime.pytorch();
        Device device = DjlRuntime.device(engine);
        events.log("Built-in engine: " + engineDescription);
        events.log("Device: " + DjlRuntime.describe(engine)
                + (device.isGpu() ? "" : "; mixed_precision " + spec.config().getString(Params.MIXED_PRECISION)
                        + " does not apply on the CPU"));
        if (options.eightBitRequested()) {
            events.log("AdamW8bit requests run as AdamW (the built-in engine has no 8-bit optimizer)");
        }
        options.ignored().forEach(s -> events.log("Not supported by the built-in engine, ignored: " + s));
        ClipTokenizer tokenizer = tokenizerFiles.load();
        events.log("CLIP tokenizer: " + tokenizerFiles.folder());
        try (NDManager root = NDManager.newBaseManager(device, engine.getEngineName())) {
            events.log("Loading " + spec.baseModel());
            EnumSet<Sd15Part> parts = EnumSet.of(Sd15Part.UNET, Sd15Part.VAE_ENCODER, Sd15Part.TEXT_ENCODER);
            if (sampling()) {
                parts.add(Sd15Part.VAE_DECODER);
            }
            try (Sd15Checkpoint model = Sd15Checkpoint.load(spec.baseModel(), root, heads, parts)) {
                List<TrainingImage> images = encodeDataset(model, root);
                ValidationSplit split = ValidationSplit.of(images, options.validation());
                if (options.validation().split() > 0) {
                    events.log(split.held().size() + " of " + images.size() + " images held out for the validation "
                            + "loss (validation_split " + options.validation().split() + ", validation_seed "
                            + options.validation().seed() + ")");
                }
                return train(model, root, split, tokenizer, stopRequested);
            }
        }
    }

    private List<TrainingImage> encodeDataset(Sd15Checkpoint model, NDManager root)
            throws EngineException, IOException {
        Path datasetDir = spec.projectRoot().resolve("dataset");
        List<TrainingImage> images = DatasetImages.load(datasetDir, spec.dataset(), options.buckets(),
                spec.config().getString(Params.CAPTION_EXTENSION), (image, pixels) -> {
                    Bucket b = image.bucket();
                    currentBatch = 1;
                    currentBucket = b;
                    try (NDManager m = root.newSubManager()) {
                        Shape shape = new Shape(1, 3, b.height(), b.width());
                        NDArray x = OwnedArrays.of(m, pixels, shape);
                        image.latents(NoGrad.get(() -> model.vaeEncoder().latents(x, null).toFloatArray()));
                        if (options.flipAug()) {
                            NDArray mirrored = OwnedArrays.of(m, ImagePixels.mirrored(pixels, b.width()), shape);
                            image.flippedLatents(NoGrad.get(
                                    () -> model.vaeEncoder().latents(mirrored, null).toFloatArray()));
                        }
                    }
                });
        currentBucket = null;
        SortedMap<Bucket, Integer> counts = new TreeMap<>();
        images.forEach(i -> counts.merge(i.bucket(), 1, Integer::sum));
        events.log(images.size() + " images from " + datasetDir + ", encoded once by the VAE (latents cached"
                + (options.flipAug() ? ", and mirrored for flip_aug)" : ")"));
        int i = 0;
        for (Map.Entry<Bucket, Integer> e : counts.entrySet()) {
            events.log("bucket " + i++ + ": resolution " + e.getKey() + ", count: "
                    + e.getValue() * options.repeats());
        }
        return images;
    }

    private boolean sampling() {
        return !options.samples().prompts().isEmpty() && options.samples().every() > 0;
    }

    private RunEvent.Finished train(Sd15Checkpoint model, NDManager root, ValidationSplit split,
            ClipTokenizer tokenizer, BooleanSupplier stopRequested) throws IOException {
        List<TrainingImage> images = split.train();
        List<ImageSize> sizes = images.stream().map(t -> t.assignment().image()).toList();
        StepBudget budget = StepBudget.of(spec.config(), sizes);
        int epochs = options.epochs();
        long total = budget.totalSteps();
        long perEpoch = budget.stepsPerEpoch();
        events.log("num batches per epoch: " + budget.batchesPerEpoch() + ", steps per epoch: " + perEpoch
                + ", epochs: " + epochs + ", total optimization steps: " + total);
        LrSchedule schedule = new LrSchedule(options.scheduler(), Math.toIntExact(total), options.warmup(),
                options.cycles(), options.learningRate());
        ClipTextEncoder te = model.textEncoder();
        LoraConfig loraConfig = new LoraConfig(options.rank(), (float) options.alpha(), (float) options.dropout(),
                options.unetOnly(), options.seed());
        TrainingSettings settings = new TrainingSettings((float) options.unetLr(), (float) options.textLr(),
                (float) options.weightDecay(), options.clipSkip(), MAX_GRAD_NORM, (float) options.noiseOffset(),
                (float) options.minSnrGamma());
        try (LoraNetwork network = LoraNetwork.attach(model.unet(), te, loraConfig, root);
             LoraTrainer trainer = new LoraTrainer(model.unet(), te, network, settings, NoiseSchedule.sd15())) {
            events.log("LoRA: " + network.modules().size() + " modules (" + network.unetModules().size()
                    + " U-Net, " + network.textModules().size() + " text encoder), rank " + options.rank()
                    + ", alpha " + options.alpha() + ", " + network.parameterCount() + " weights");
            int firstEpoch = 1;
            long step = 0;
            LossRecorder recorder = new LossRecorder(List.of());
            long sessionId = new Random().nextInt() & 0xffff_ffffL;
            long startedAt = System.currentTimeMillis();
            if (resumeFrom != null) {
                restore(network, trainer);
                firstEpoch = resumeFrom.epoch() + 1;
                step = resumeFrom.step();
                recorder = new LossRecorder(resumeFrom.lossWindow());
                sessionId = resumeFrom.sessionId();
                startedAt = resumeFrom.startedAtMs();
                events.log("Resuming after epoch " + resumeFrom.epoch() + " at step " + step + " of " + total);
            }
            RunMetadata metadata = new RunMetadata(spec, options, images, split.held().size(), budget, sessionId,
                    Instant.ofEpochMilli(startedAt), engineDescription);
            EpochSamples samples = sampling() ? new EpochSamples(new Sd15Sampler(model.unet(), te,
                    model.vaeDecoder(), tokenizer, NoiseSchedule.sd15(), options.clipSkip()), options,
                    spec.baseModel(), spec.baseModelSha256(), spec.runDir(), events) : null;
            Map<String, float[]> contexts = new HashMap<>();
            boolean cacheText = options.unetOnly() && !options.shuffleCaption();
            events.send(new RunEvent.StateChanged(RunState.RUNNING, null));
            long sessionSteps = 0;
            long t0 = System.nanoTime();
            for (int epoch = firstEpoch; epoch <= epochs; epoch++) {
                List<List<TrainingImage>> batches = EpochBatches.of(images, options.repeats(), options.batchSize(),
                        options.seed(), epoch);
                int stepInEpoch = 0;
                for (int b = 0; b < batches.size(); b += options.accumulation()) {
                    if (stopRequested.getAsBoolean()) {
                        events.log("Stopped by the user at step " + step + " of " + total);
                        return new RunEvent.Finished(RunState.CANCELLED, "stopped by the user");
                    }
                    List<List<TrainingImage>> group = batches.subList(b,
                            Math.min(batches.size(), b + options.accumulation()));
                    Random random = new Random(options.seed() * 1_000_003L + step + 1);
                    double loss = 0;
                    double unetLr = schedule.lr(Math.toIntExact(step), options.unetLr());
                    double textLr = schedule.lr(Math.toIntExact(step), options.textLr());
                    // the step's arrays stay until the update: closing a batch's arrays before it corrupted the
                    // gradients PyTorch had accumulated from them (NaN in the first weights, seen on the CPU)
                    try (NDManager stepArrays = root.newSubManager()) {
                        for (List<TrainingImage> batch : group) {
                            loss += microBatch(trainer, te, tokenizer, stepArrays, batch, random, contexts,
                                    cacheText);
                        }
                        loss /= group.size();
                        if (!Double.isFinite(loss)) {
                            return failed("the loss became " + loss + " at step " + (step + 1) + " " + where()
                                    + "; lower the learning rate", null);
                        }
                        trainer.apply(unetLr, textLr);
                    }
                    step++;
                    sessionSteps++;
                    recorder.add(epoch, stepInEpoch++, loss);
                    double rate = sessionSteps / ((System.nanoTime() - t0) / 1e9);
                    events.send(new RunEvent.Progress(step, total, epoch, epochs, rate));
                    events.metric("loss/current", step, epoch, loss);
                    events.metric("loss/average", step, epoch, recorder.movingAverage());
                    events.metric("lr/unet", step, epoch, unetLr);
                    if (!options.unetOnly()) {
                        events.metric("lr/textencoder", step, epoch, textLr);
                    }
                }
                currentBucket = null;
                events.metric("loss/epoch_average", epoch, epoch, recorder.movingAverage());
                if (options.validation().after(epoch, epochs) && !split.held().isEmpty()) {
                    double validation = validate(trainer, te, tokenizer, root, split.held(), contexts, cacheText);
                    events.log("epoch " + epoch + " validation loss: " + validation);
                    events.metric("loss/validation/epoch_average", epoch, epoch, validation);
                }
                if (samples != null && options.samples().after(epoch, epochs)) {
                    try (NDManager sampleArrays = root.newSubManager()) {
                        samples.write(epoch, step, sampleArrays, stopRequested);
                    } catch (CancellationException e) {
                        events.log("Stopped by the user while sampling after epoch " + epoch);
                        return new RunEvent.Finished(RunState.CANCELLED, "stopped by the user");
                    }
                }
                boolean last = epoch == epochs;
                if (last || epoch % options.saveEvery() == 0) {
                    save(network, trainer, metadata, recorder, epoch, step, last, sessionId, startedAt);
                }
            }
            events.log("Training finished: " + step + " steps");
            return new RunEvent.Finished(RunState.SUCCEEDED, null);
        }
    }

    /**
     * The mean validation loss over the held-out images, each at fixed timesteps with noise from a generator seeded by
     * {@code validation_seed} and the image's place, so every epoch measures the same noise on the same images.
     */
    private double validate(LoraTrainer trainer, ClipTextEncoder te, ClipTokenizer tokenizer, NDManager root,
            List<TrainingImage> held, Map<String, float[]> contexts, boolean cacheText) {
        double sum = 0;
        for (int i = 0; i < held.size(); i++) {
            TrainingImage image = held.get(i);
            Bucket b = image.bucket();
            currentBatch = 1;
            currentBucket = b;
            try (NDManager m = root.newSubManager()) {
                NDArray x = OwnedArrays.of(m, image.latents(), new Shape(1, 4, b.height() / 8, b.width() / 8));
                // the caption as written (no shuffle), the same text every epoch
                String caption = image.caption();
                Random noise = new Random(options.validation().seed() * 1_000_003L + i);
                sum += options.unetOnly()
                        ? trainer.validationLoss(x, NoGrad.get(() -> context(m, te, tokenizer, List.of(caption),
                                contexts, cacheText)), null, ValidationSplit.TIMESTEPS, noise)
                        : trainer.validationLoss(x, null, tokens(m, tokenizer, List.of(caption)),
                                ValidationSplit.TIMESTEPS, noise);
            }
        }
        currentBucket = null;
        return sum / held.size();
    }

    private void restore(LoraNetwork network, LoraTrainer trainer) {
        Map<String, NDArray> weights = network.parameters(network.modules());
        Map<String, float[]> saved = resumeFrom.weights();
        if (!saved.keySet().equals(weights.keySet())) {
            throw new IllegalStateException("the saved state's LoRA modules do not match this network's ("
                    + saved.size() + " saved weights, " + weights.size() + " in the network)");
        }
        NoGrad.run(() -> weights.forEach((name, array) -> array.set(java.nio.FloatBuffer.wrap(saved.get(name)))));
        trainer.optimizer().restore(resumeFrom.optimizerSteps(), resumeFrom.moments(), weights);
    }

    /** Forward and backward of one batch (one bucket, one shape), its arrays in {@code m}; returns its loss. */
    private double microBatch(LoraTrainer trainer, ClipTextEncoder te, ClipTokenizer tokenizer, NDManager m,
            List<TrainingImage> batch, Random random, Map<String, float[]> contexts, boolean cacheText) {
        Bucket bucket = batch.get(0).bucket();
        currentBatch = batch.size();
        currentBucket = bucket;
        int n = batch.size();
        int latentSize = batch.get(0).latents().length;
        float[] latents = new float[n * latentSize];
        List<String> captions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(batch.get(i).latentsFor(random), 0, latents, i * latentSize, latentSize);
            captions.add(Captions.forStep(batch.get(i).caption(), options.shuffleCaption(), options.keepTokens(),
                    random));
        }
        float scale = 1f / options.accumulation();
        NDArray x = OwnedArrays.of(m, latents, new Shape(n, 4, bucket.height() / 8, bucket.width() / 8));
        if (!options.unetOnly()) {
            return trainer.accumulate(x, null, tokens(m, tokenizer, captions), random, scale);
        }
        return trainer.accumulate(x, context(m, te, tokenizer, captions, contexts, cacheText), null, random, scale);
    }

    private static NDArray tokens(NDManager m, ClipTokenizer tokenizer, List<String> captions) {
        long[] ids = new long[captions.size() * ClipTokenizer.CONTEXT_LENGTH];
        for (int i = 0; i < captions.size(); i++) {
            int[] one = tokenizer.encodeForSd(captions.get(i));
            for (int j = 0; j < one.length; j++) {
                ids[i * ClipTokenizer.CONTEXT_LENGTH + j] = one[j];
            }
        }
        return OwnedArrays.of(m, ids, new Shape(captions.size(), ClipTokenizer.CONTEXT_LENGTH));
    }

    /** U-Net only: the frozen text encoder's hidden states, per caption from the cache when captions do not change. */
    private NDArray context(NDManager m, ClipTextEncoder te, ClipTokenizer tokenizer, List<String> captions,
            Map<String, float[]> cache, boolean cacheText) {
        if (!cacheText) {
            return te.encode(tokens(m, tokenizer, captions), options.clipSkip());
        }
        List<float[]> rows = new ArrayList<>();
        for (String caption : captions) {
            rows.add(cache.computeIfAbsent(caption, c -> {
                try (NDManager once = m.newSubManager()) {
                    return te.encode(tokens(once, tokenizer, List.of(c)), options.clipSkip()).toFloatArray();
                }
            }));
        }
        int size = rows.get(0).length;
        float[] all = new float[rows.size() * size];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, all, i * size, size);
        }
        return OwnedArrays.of(m, all, new Shape(rows.size(), ClipTokenizer.CONTEXT_LENGTH, size / ClipTokenizer.CONTEXT_LENGTH));
    }

    private void save(LoraNetwork network, LoraTrainer trainer, RunMetadata metadata, LossRecorder recorder,
            int epoch, long step, boolean last, long sessionId, long startedAt) throws IOException {
        Path out = spec.runDir().resolve("out");
        Files.createDirectories(out);
        Path file = out.resolve(LoraExport.fileName(options.outputName(), epoch, last));
        if (resumeFrom != null && Files.exists(file)) {
            // written before the interruption, after the state this run resumed from: earlier files stay as they are
            events.log("Kept the existing " + file.getFileName() + " (written before the resume)");
        } else {
            LoraExport.write(file, network.modules(), options.savePrecision(),
                    metadata.forSave(Math.toIntExact(step), epoch, Instant.now()));
            events.log("Saved " + file);
            events.send(new RunEvent.CheckpointSaved(file, epoch, step));
        }
        TrainState.save(spec.runDir(), epoch, step, trainer.optimizer(), network.modules(), recorder.values(),
                sessionId, startedAt);
    }
}
