package io.atelier.cli;

import io.atelier.core.buckets.BucketPlan;
import io.atelier.core.buckets.BucketPlanner;
import io.atelier.core.buckets.BucketSettings;
import io.atelier.core.buckets.ImageSize;
import io.atelier.core.io.FileProgress;
import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.decode.ImageInfo;
import io.atelier.imaging.decode.ImageProbe;
import io.atelier.imaging.report.DatasetReport;
import io.atelier.imaging.report.DatasetSize;
import io.atelier.imaging.report.FileProblem;
import io.atelier.imaging.report.ImageFinding;
import io.atelier.imaging.report.ImageMeasures;
import io.atelier.imaging.report.MeasureCache;
import io.atelier.store.ContentCacheRepository;
import io.atelier.store.Store;
import io.atelier.imaging.resample.Resampler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code atelier dataset}: the quality report and the bucket preview of a project's dataset; import, prepare and
 * export are subcommands of their own.
 */
@Command(name = "dataset", description = "The images of a LoRA project.", mixinStandardHelpOptions = true,
        subcommands = {DatasetImportCommand.class, DatasetPrepareCommand.class, DatasetUndoPrepareCommand.class,
                DatasetExportZipCommand.class})
final class DatasetCommands {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AtelierCommand root;

    @Command(name = "check", description = "Quality report: sizes, upscaling, blur, JPEG compression, duplicates, "
            + "near-duplicates, aspect ratios, dataset size and captions. Findings do not fail the command.")
    int check(@Parameters(paramLabel = "DIR", description = "project folder") Path dir,
              @Option(names = "--long-side", paramLabel = "N", defaultValue = "" + Resampler.DEFAULT_LONG_SIDE,
                      description = "target long side (default: ${DEFAULT-VALUE})") int longSide,
              @Option(names = "--json", description = "machine-readable output") boolean json) {
        if (longSide <= 0) {
            throw new CliFailure("--long-side must be positive, got " + longSide);
        }
        ProjectLayout layout = ProjectDirs.layout(dir);
        DatasetReport report;
        // measures of images seen before come from the store: a re-check of a large dataset decodes only new images
        try (Store store = StoreSession.open(root.home, spec.commandLine().getErr())) {
            ContentCacheRepository.Area area = store.contentCache().area("image-measures-v" + ImageMeasures.VERSION);
            report = DatasetReport.of(layout, longSide, FileProgress.NONE, () -> false,
                    MeasureCache.textBacked(area::get, area::put));
        } catch (IOException e) {
            throw new CliFailure("cannot read " + layout.dataset() + ": " + e.getMessage(), e);
        }
        DatasetCheckJson result = DatasetCheckJson.of(layout, report);
        PrintWriter out = out();
        if (json) {
            out.println(Json.write(result));
            return 0;
        }
        TextTable table = new TextTable("FILE", "FORMAT", "SIZE", "UPSCALE", "BLUR", "JPEG Q", "CAPTION", "FINDINGS");
        for (ImageFinding f : report.images()) {
            table.row(f.file(), f.format(), f.width() + "x" + f.height(),
                    f.needsUpscale() ? String.format(Locale.ROOT, "x%.2f", f.scaleFactor()) : "-",
                    String.format(Locale.ROOT, "%.1f", f.blurScore()),
                    f.jpegQuality() == null ? "-" : f.jpegQuality(), f.captioned() ? "yes" : "no", findings(f));
        }
        table.print(out);
        out.println();
        out.println("Images: " + result.imageCount() + " (" + result.sizeAdvice() + "). " + DatasetSize.QUALITY_NOTE);
        if (report.aspectSpread() != null) {
            out.println(String.format(Locale.ROOT, "Aspect ratios: %.3f (%s) to %.3f (%s)",
                    report.aspectSpread().min(), report.aspectSpread().minFile(),
                    report.aspectSpread().max(), report.aspectSpread().maxFile()));
        }
        out.println("Exact duplicates: " + groups(report.exactDuplicates()));
        out.println("Near duplicates: " + groups(report.nearDuplicates()));
        out.println("Without caption: " + (report.uncaptioned().isEmpty() ? "none" : String.join(", ", report.uncaptioned())));
        printProblems(out, report.problems());
        return 0;
    }

    @Command(name = "buckets", description = "Bucket preview: which sd-scripts bucket each image lands in, its crop, "
            + "and the images per bucket. Reads only the image headers.")
    int buckets(@Parameters(paramLabel = "DIR", description = "project folder") Path dir,
                @Option(names = "--resolution", paramLabel = "N", defaultValue = "1024",
                        description = "training resolution N x N (default: ${DEFAULT-VALUE})") int resolution,
                @Option(names = "--min-reso", paramLabel = "N",
                        defaultValue = "" + BucketSettings.DEFAULT_MIN_RESO,
                        description = "min_bucket_reso (default: ${DEFAULT-VALUE})") int minReso,
                @Option(names = "--max-reso", paramLabel = "N",
                        defaultValue = "" + BucketSettings.DEFAULT_MAX_RESO,
                        description = "max_bucket_reso (default: ${DEFAULT-VALUE})") int maxReso,
                @Option(names = "--steps", paramLabel = "N", defaultValue = "" + BucketSettings.DEFAULT_STEPS,
                        description = "bucket_reso_steps (default: ${DEFAULT-VALUE})") int steps,
                @Option(names = "--no-upscale", description = "bucket_no_upscale") boolean noUpscale,
                @Option(names = "--json", description = "machine-readable output") boolean json) {
        BucketSettings settings;
        try {
            settings = BucketSettings.of(resolution, resolution, minReso, maxReso, steps).withNoUpscale(noUpscale);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        ProjectLayout layout = ProjectDirs.layout(dir);
        List<Path> files;
        try {
            files = DatasetReport.imageFiles(layout);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + layout.dataset() + ": " + e.getMessage(), e);
        }
        ImageProbe probe = new ImageProbe();
        List<String> names = new ArrayList<>();
        List<ImageSize> sizes = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                ImageInfo info = probe.probe(file);
                sizes.add(new ImageSize(info.width(), info.height()));
                names.add(name);
            } catch (IOException | RuntimeException e) {
                problems.add(new FileProblem(name, e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        }
        BucketPlan plan;
        try {
            plan = new BucketPlanner(settings).assign(sizes);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        DatasetBucketsJson result = DatasetBucketsJson.of(layout, settings, names, plan, problems);
        PrintWriter out = out();
        if (json) {
            out.println(Json.write(result));
            return 0;
        }
        TextTable table = new TextTable("FILE", "SIZE", "BUCKET", "RESIZED", "CROP (l,t,r,b)", "CROPPED", "UPSCALED");
        for (DatasetBucketsJson.Image i : result.images()) {
            table.row(i.file(), i.width() + "x" + i.height(), i.bucketWidth() + "x" + i.bucketHeight(),
                    i.resizedWidth() + "x" + i.resizedHeight(),
                    i.crop().left() + "," + i.crop().top() + "," + i.crop().right() + "," + i.crop().bottom(),
                    String.format(Locale.ROOT, "%.1f%%", 100 * i.croppedFraction()), i.upscaled() ? "yes" : "no");
        }
        table.print(out);
        out.println();
        TextTable counts = new TextTable("BUCKET", "IMAGES");
        for (DatasetBucketsJson.BucketCount c : result.buckets()) {
            counts.row(c.width() + "x" + c.height(), c.count());
        }
        counts.print(out);
        out.println(String.format(Locale.ROOT, "Mean aspect error: %.4f", result.meanAspectError()));
        for (String w : result.warnings()) {
            out.println("Warning: " + w);
        }
        printProblems(out, problems);
        return 0;
    }

    private static String findings(ImageFinding f) {
        List<String> list = new ArrayList<>();
        if (f.needsUpscale()) {
            list.add("low-res");
        }
        if (f.blurry()) {
            list.add("blurry");
        }
        if (f.heavyCompression()) {
            list.add("heavy JPEG");
        }
        if (!f.captioned()) {
            list.add("no caption");
        }
        if (f.rotatedByExif()) {
            list.add("EXIF-rotated");
        }
        if (f.transparent()) {
            list.add("transparent");
        }
        return list.isEmpty() ? "-" : String.join(", ", list);
    }

    private static String groups(List<List<String>> groups) {
        if (groups.isEmpty()) {
            return "none";
        }
        return String.join("; ", groups.stream().map(g -> String.join(" = ", g)).toList());
    }

    static void printProblems(PrintWriter out, List<FileProblem> problems) {
        if (!problems.isEmpty()) {
            out.println("Unreadable: " + problems.size());
            for (FileProblem p : problems) {
                out.println("  " + p.message());
            }
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
