package io.atelier.tagger.batch;

import io.atelier.core.caption.CaptionConflictException;
import io.atelier.core.caption.CaptionFiles;
import io.atelier.core.caption.CaptionText;
import io.atelier.core.io.FileProgress;
import io.atelier.imaging.hash.ContentHash;
import io.atelier.tagger.model.TaggerModel;
import io.atelier.tagger.model.TaggerModelException;
import io.atelier.tagger.preprocess.TaggerPreprocessor;
import io.atelier.tagger.select.TagPrediction;
import io.atelier.tagger.select.TagSelector;
import io.atelier.tagger.select.TaggerSettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Tags the captions of a list of images. Decoding and preprocessing run on a small pool (one thread per core)
 * a few images ahead of inference, which takes them in order and in batches where the model allows it; captions
 * are merged and written on the calling thread, one atomic write each, checked against the version read.
 * An image or caption that cannot be read is reported and the batch goes on. Cancelling stops between images:
 * every caption written is complete and nothing is written after {@code tag} returns.
 */
public final class DatasetTagger {

    private final TaggerPreprocessor preprocessor;
    private final int workers;

    /** One preprocessing thread per core. */
    public DatasetTagger() {
        this(new TaggerPreprocessor(), Runtime.getRuntime().availableProcessors());
    }

    public DatasetTagger(TaggerPreprocessor preprocessor, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker, got " + workers);
        }
        this.preprocessor = preprocessor;
        this.workers = workers;
    }

    /**
     * Tags {@code images} with {@code model}.
     *
     * @param triggerWord the project's trigger word, put first in every caption written (null or blank: none)
     * @param progress    told after each image, on the calling thread
     * @param cancelled   polled between images
     * @throws TaggerModelException when inference itself fails (the captions written before stay)
     */
    public TaggingResult tag(List<Path> images, TaggerModel model, TaggerSettings settings, TagMode mode,
                             String triggerWord, FileProgress progress, BooleanSupplier cancelled)
            throws TaggerModelException {
        long start = System.nanoTime();
        Run run = new Run(images, model, settings, mode, triggerWord, progress, cancelled);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, images.size())), r -> {
            Thread t = new Thread(r, "atelier-tagger-preprocess");
            t.setDaemon(true);
            return t;
        });
        try {
            run.execute(pool);
        } finally {
            pool.shutdownNow();
        }
        return new TaggingResult(model.name(), model.provider(), images.size(), run.tagged, run.skipped,
                run.problems, run.stopped, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The work item a preprocessing thread hands to inference. */
    private sealed interface Prepared permits Ready, Skip, Failed, NotStarted {
    }

    private record Ready(Path image, CaptionText caption, String hash, float[] tensor) implements Prepared {
    }

    private record Skip(Path image) implements Prepared {
    }

    private record Failed(TaggingProblem problem) implements Prepared {
    }

    /** Cancelled before the thread began. */
    private record NotStarted() implements Prepared {
    }

    /** One pass; fields are touched by the calling thread only. */
    private final class Run {
        private final List<Path> images;
        private final TaggerModel model;
        private final TaggerSettings settings;
        private final TagMode mode;
        private final String trigger;
        private final FileProgress progress;
        private final BooleanSupplier cancelled;
        final List<TaggedImage> tagged = new ArrayList<>();
        final List<Path> skipped = new ArrayList<>();
        final List<TaggingProblem> problems = new ArrayList<>();
        boolean stopped;
        private int done;

        Run(List<Path> images, TaggerModel model, TaggerSettings settings, TagMode mode, String trigger,
            FileProgress progress, BooleanSupplier cancelled) {
            this.images = images;
            this.model = model;
            this.settings = settings;
            this.mode = mode;
            this.trigger = trigger;
            this.progress = progress;
            this.cancelled = cancelled;
        }

        void execute(ExecutorService pool) throws TaggerModelException {
            // Enough ahead to keep the pool busy while a batch is inferred, few enough to bound memory.
            int window = workers + 2 * model.batchSize();
            Deque<Future<Prepared>> pending = new ArrayDeque<>();
            int next = 0;
            List<Ready> batch = new ArrayList<>();
            while (next < images.size() || !pending.isEmpty()) {
                while (pending.size() < window && next < images.size()) {
                    Path image = images.get(next++);
                    pending.add(pool.submit(() -> prepare(image)));
                }
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    return;
                }
                Prepared item = await(pending.poll());
                if (item instanceof Ready ready) {
                    batch.add(ready);
                } else if (item instanceof Skip skip) {
                    skipped.add(skip.image());
                    step(skip.image());
                } else if (item instanceof Failed failed) {
                    problems.add(failed.problem());
                    step(failed.problem().file());
                } else {
                    stopped = true;
                    return;
                }
                if (batch.size() == model.batchSize() || pending.isEmpty() && next == images.size()) {
                    if (!batch.isEmpty() && !infer(batch)) {
                        stopped = true;
                        return;
                    }
                    batch.clear();
                }
            }
        }

        /** On a pool thread: the caption, the hash and the tensor of one image. */
        private Prepared prepare(Path image) {
            if (cancelled.getAsBoolean()) {
                return new NotStarted();
            }
            CaptionText caption;
            try {
                caption = CaptionFiles.read(image);
            } catch (IOException e) {
                return new Failed(problem(image, e));
            }
            if (mode == TagMode.FILL_EMPTY && !CaptionMerge.isEmpty(caption.caption(), trigger)) {
                return new Skip(image);
            }
            try {
                float[] tensor = preprocessor.tensor(image, model.inputSize());
                return new Ready(image, caption, ContentHash.of(image), tensor);
            } catch (IOException | RuntimeException e) {
                // a corrupt file can make a reader throw anything; it is still one bad image, not a failed batch
                return new Failed(problem(image, e));
            }
        }

        private Prepared await(Future<Prepared> future) throws TaggerModelException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new NotStarted();
            } catch (ExecutionException e) {
                // prepare() catches what a file can cause; anything else is a bug and must not pass silently
                throw new IllegalStateException("preprocessing failed unexpectedly", e.getCause());
            }
        }

        /** Infers and writes one batch; false when cancelled part way (the rest of the batch is not written). */
        private boolean infer(List<Ready> batch) throws TaggerModelException {
            List<float[]> tensors = new ArrayList<>(batch.size());
            for (Ready r : batch) {
                tensors.add(r.tensor());
            }
            float[][] probabilities = model.predict(tensors);
            for (int i = 0; i < batch.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                Ready ready = batch.get(i);
                List<TagPrediction> predictions = TagSelector.select(probabilities[i], model.vocabulary(), settings);
                write(ready, predictions);
                step(ready.image());
            }
            return true;
        }

        private void write(Ready ready, List<TagPrediction> predictions) {
            CaptionMerge.Merged merged = CaptionMerge.merge(ready.caption().caption(), predictions, mode, trigger);
            boolean changed = !merged.caption().isEmpty()
                    && !(ready.caption().exists() && merged.caption().equals(ready.caption().caption()));
            if (changed) {
                try {
                    CaptionFiles.write(ready.image(), merged.caption(), ready.caption().stamp());
                } catch (CaptionConflictException e) {
                    problems.add(new TaggingProblem(ready.image(), e.file() + ": changed by another program "
                            + "while tagging; left as it is (tag it again to include the model's tags)"));
                    return;
                } catch (IOException e) {
                    problems.add(problem(ready.image(), e));
                    return;
                }
            }
            String text = changed ? merged.caption().text() : ready.caption().caption().text();
            tagged.add(new TaggedImage(ready.image(), ready.hash(), predictions,
                    changed ? merged.written() : List.of(), text, changed));
        }

        private void step(Path image) {
            done++;
            progress.fileDone(done, images.size(), image.getFileName().toString());
        }
    }

    /** One line naming the file: decoder and caption messages already start with the image or caption path. */
    private static TaggingProblem problem(Path image, Exception e) {
        String message = e instanceof InterruptedIOException ? "reading was interrupted"
                : e.getMessage() == null ? e.toString() : e.getMessage();
        boolean named = message.startsWith(image.toString())
                || message.startsWith(CaptionFiles.captionFile(image).toString());
        return new TaggingProblem(image, named ? message : image + ": " + message);
    }
}
