package io.atelier.imaging.report;

import io.atelier.core.io.FileProgress;
import io.atelier.core.project.ProjectLayout;
import io.atelier.core.project.ProjectStats;
import io.atelier.imaging.decode.DecodedImage;
import io.atelier.imaging.decode.ImageDecoder;
import io.atelier.imaging.decode.ImageInfo;
import io.atelier.imaging.decode.ImageProbe;
import io.atelier.imaging.hash.ContentHash;
import io.atelier.imaging.hash.NearDuplicateFinder;
import io.atelier.imaging.hash.PerceptualHash;
import io.atelier.imaging.quality.BlurMeasure;
import io.atelier.imaging.quality.JpegQuality;
import io.atelier.imaging.quality.JpegQualityEstimate;
import io.atelier.imaging.resample.Resampler;
import io.atelier.imaging.work.ImageWorkers;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The quality report of a project's {@code dataset/} folder: per-image findings (size and upscaling, blur, JPEG
 * compression, caption) and dataset-level ones (exact and near duplicates, aspect-ratio spread, size against the
 * workflow's advice, uncaptioned images). Files that cannot be decoded become {@link FileProblem}s; the rest of the
 * dataset is still checked.
 *
 * @param longSide        target long side the upscale findings refer to
 * @param images          findings of every readable image, by file name
 * @param problems        images that could not be read, by file name
 * @param exactDuplicates groups (2+) of byte-identical files, each by file name
 * @param nearDuplicates  groups (2+) of perceptually near-identical images; of each exact group only the first file
 *                        takes part, so a near group never just repeats an exact one
 * @param aspectSpread    narrowest and widest image; null when there is no readable image
 * @param size            readable image count against the workflow's advice
 * @param uncaptioned     readable images without a non-blank caption
 */
public record DatasetReport(int longSide, List<ImageFinding> images, List<FileProblem> problems,
                            List<List<String>> exactDuplicates, List<List<String>> nearDuplicates,
                            AspectSpread aspectSpread, DatasetSize size, List<String> uncaptioned) {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(DatasetReport.class.getName());

    public DatasetReport {
        images = List.copyOf(images);
        problems = List.copyOf(problems);
        exactDuplicates = exactDuplicates.stream().map(List::copyOf).toList();
        nearDuplicates = nearDuplicates.stream().map(List::copyOf).toList();
        uncaptioned = List.copyOf(uncaptioned);
    }

    /** Checks the dataset against the default long side (1024). */
    public static DatasetReport of(ProjectLayout layout) throws IOException {
        return of(layout, Resampler.DEFAULT_LONG_SIDE);
    }

    /** @throws IOException when the dataset folder cannot be listed (a single bad image is a problem, not this) */
    public static DatasetReport of(ProjectLayout layout, int longSide) throws IOException {
        return of(layout, longSide, FileProgress.NONE, () -> false);
    }

    /**
     * Checks every image, as many at once as there are cores (and memory for full-size decodes).
     *
     * @throws CancellationException when {@code cancelled} turned true before every image was checked
     * @throws IOException           when the dataset folder cannot be listed
     */
    public static DatasetReport of(ProjectLayout layout, int longSide, FileProgress progress,
                                   BooleanSupplier cancelled) throws IOException {
        return of(layout, longSide, progress, cancelled, MeasureCache.NONE);
    }

    /**
     * Like {@link #of(ProjectLayout, int, FileProgress, BooleanSupplier)}, taking the measures of images seen before
     * (same content) from {@code cache} instead of decoding them again.
     */
    public static DatasetReport of(ProjectLayout layout, int longSide, FileProgress progress,
                                   BooleanSupplier cancelled, MeasureCache cache) throws IOException {
        if (longSide <= 0) {
            throw new IllegalArgumentException("long side must be positive, got " + longSide);
        }
        ImageProbe probe = new ImageProbe();
        ImageDecoder decoder = new ImageDecoder(probe);
        List<Path> files = imageFiles(layout);
        MeasureCache safeCache = new FailSafeCache(cache);
        Object[] outcomes = new Object[files.size()];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = ImageWorkers.pool("atelier-dataset-check", ImageWorkers.available(), files.size());
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                int index = i;
                jobs.add(pool.submit(() -> {
                    if (cancelled.getAsBoolean()) {
                        return;
                    }
                    Path file = files.get(index);
                    String name = file.getFileName().toString();
                    try {
                        outcomes[index] = check(file, name, probe, decoder, longSide, safeCache);
                    } catch (IOException | RuntimeException e) {
                        outcomes[index] = new FileProblem(name, e.getMessage() != null ? e.getMessage() : e.toString());
                    }
                    synchronized (progress) {
                        progress.fileDone(done.incrementAndGet(), files.size(), name);
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the quality check was interrupted");
        } catch (ExecutionException e) {
            throw new IOException("the quality check failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (cancelled.getAsBoolean() && done.get() < files.size()) {
            throw new CancellationException("the quality check was cancelled");
        }
        List<ImageFinding> findings = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof ImageFinding f) {
                findings.add(f);
            } else if (outcome instanceof FileProblem p) {
                problems.add(p);
            }
        }
        return summarise(longSide, findings, problems);
    }

    /**
     * The report as it applies to the files still in the dataset: images trashed or renamed since the check drop
     * out, and with them duplicate groups left with one member and the spread and size they made.
     */
    public DatasetReport restrictedTo(Set<String> files) {
        return summarise(longSide, images.stream().filter(f -> files.contains(f.file())).toList(),
                problems.stream().filter(p -> files.contains(p.file())).toList());
    }

    /** The report after a caption was written beside (or removed from) {@code file}. */
    public DatasetReport withCaptioned(String file, boolean captioned) {
        return summarise(longSide, images.stream()
                .map(f -> f.file().equals(file) ? f.withCaptioned(captioned) : f).toList(), problems);
    }

    /**
     * The image files of the dataset, sorted by name: regular files directly in {@code dataset/} with an image
     * extension; hidden files and folders ({@code .originals}, ...) are not part of the training set.
     */
    public static List<Path> imageFiles(ProjectLayout layout) throws IOException {
        Path dataset = layout.dataset();
        if (!Files.isDirectory(dataset)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dataset)) {
            return files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(ProjectStats::isImage)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /** The content's measures from the cache, or measured now (and cached); then what depends on name and size. */
    private static ImageFinding check(Path file, String name, ImageProbe probe, ImageDecoder decoder, int longSide,
                                      MeasureCache cache) throws IOException {
        String hash = ContentHash.of(file);
        ImageMeasures m = cache.get(hash).orElse(null);
        if (m == null) {
            m = measure(file, probe, decoder);
            cache.put(hash, m);
        }
        int w = m.width();
        int h = m.height();
        return new ImageFinding(name, m.format(), w, h, Resampler.needsUpscale(w, h, longSide),
                Resampler.scaleFactor(w, h, longSide), m.blurScore(), m.blurScore() < BlurMeasure.BLURRY_BELOW,
                m.jpegQuality(), m.heavyCompression(), ProjectStats.hasCaption(file), hash, m.perceptualHash(), m.rotatedByExif(),
                m.transparent());
    }

    /**
     * A cache that cannot answer costs time, not the check: its first failure is logged, then it is left alone for
     * the rest of the run.
     */
    private static final class FailSafeCache implements MeasureCache {
        private final MeasureCache cache;
        private final java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();

        FailSafeCache(MeasureCache cache) {
            this.cache = cache;
        }

        @Override
        public java.util.Optional<ImageMeasures> get(String sha256) {
            if (!broken.get()) {
                try {
                    return cache.get(sha256);
                } catch (RuntimeException e) {
                    fail(e);
                }
            }
            return java.util.Optional.empty();
        }

        @Override
        public void put(String sha256, ImageMeasures measures) {
            if (!broken.get()) {
                try {
                    cache.put(sha256, measures);
                } catch (RuntimeException e) {
                    fail(e);
                }
            }
        }

        private void fail(RuntimeException e) {
            if (broken.compareAndSet(false, true)) {
                LOG.info(() -> "the measure cache failed; this check measures every image: " + e);
            }
        }
    }

    /** Probe, then decode once; blur and perceptual hash both come from the same decoded image. */
    static ImageMeasures measure(Path file, ImageProbe probe, ImageDecoder decoder) throws IOException {
        ImageInfo info = probe.probe(file);
        DecodedImage decoded = decoder.decodeDetailed(file);
        BufferedImage image = decoded.image();
        double blur = BlurMeasure.score(image);
        long phash = PerceptualHash.of(image);
        Integer quality = null;
        boolean heavy = false;
        if ("jpeg".equals(info.format())) {
            try {
                JpegQuality q = JpegQualityEstimate.of(file);
                quality = q.quality();
                heavy = q.heavilyCompressed();
            } catch (IOException e) {
                // no standard luminance table: the quality is unknown, not a reason to reject the image
            }
        }
        return new ImageMeasures(info.format(), image.getWidth(), image.getHeight(), blur, quality, heavy,
                PerceptualHash.toHex(phash), decoded.rotatedByExif(), decoded.transparent());
    }

    static DatasetReport summarise(int longSide, List<ImageFinding> findings, List<FileProblem> problems) {
        Map<String, List<String>> byContent = new LinkedHashMap<>();
        for (ImageFinding f : findings) {
            byContent.computeIfAbsent(f.contentHash(), k -> new ArrayList<>()).add(f.file());
        }
        List<List<String>> exact = byContent.values().stream().filter(g -> g.size() > 1).toList();

        List<ImageFinding> representatives = new ArrayList<>();
        for (ImageFinding f : findings) {
            if (byContent.get(f.contentHash()).get(0).equals(f.file())) {
                representatives.add(f);
            }
        }
        List<List<String>> near = new NearDuplicateFinder()
                .groups(representatives, f -> Long.parseUnsignedLong(f.perceptualHash(), 16)).stream()
                .map(g -> g.stream().map(ImageFinding::file).toList())
                .toList();

        AspectSpread spread = null;
        if (!findings.isEmpty()) {
            ImageFinding narrow = findings.stream().min(Comparator.comparingDouble(ImageFinding::aspect)).get();
            ImageFinding wide = findings.stream().max(Comparator.comparingDouble(ImageFinding::aspect)).get();
            spread = new AspectSpread(narrow.aspect(), narrow.file(), wide.aspect(), wide.file());
        }
        List<String> uncaptioned = findings.stream().filter(f -> !f.captioned()).map(ImageFinding::file).toList();
        return new DatasetReport(longSide, findings, problems, exact, near, spread, DatasetSize.of(findings.size()),
                uncaptioned);
    }
}
