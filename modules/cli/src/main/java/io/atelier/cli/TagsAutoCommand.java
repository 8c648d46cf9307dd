package io.atelier.cli;

import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectDescriptorException;
import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.report.DatasetReport;
import io.atelier.tagger.batch.DatasetTagger;
import io.atelier.tagger.batch.TagMode;
import io.atelier.tagger.batch.TaggedImage;
import io.atelier.tagger.batch.TaggingProblem;
import io.atelier.tagger.batch.TaggingResult;
import io.atelier.tagger.model.TaggerModel;
import io.atelier.tagger.select.RatingTag;
import io.atelier.tagger.select.TagPrediction;
import io.atelier.tagger.select.TaggerSettings;
import io.atelier.store.ModelTag;
import io.atelier.store.Store;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import io.atelier.store.StoreLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier tags auto DIR --model MODEL_DIR}: WD14 / WD v3 tags into the dataset's captions. */
@Command(name = "auto", mixinStandardHelpOptions = true,
        description = {"Tags the dataset's images with a WD14 / WD v3 tagger (a folder holding model.onnx and "
                + "selected_tags.csv, e.g. SmilingWolf/wd-swinv2-tagger-v3) and writes the tags into their captions, "
                + "the project's trigger word first. Preprocessing matches the reference tagger exactly. Runs on "
                + "CUDA when this ONNX Runtime build offers it, on the CPU otherwise.",
                "Exit 0: done; " + AtelierCommand.PARTIAL + ": some images could not be tagged (each is listed)."})
final class TagsAutoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--model", paramLabel = "MODEL_DIR", required = true,
            description = "folder with model.onnx and selected_tags.csv")
    Path model;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "" + TaggerSettings.DEFAULT_GENERAL_THRESHOLD,
            description = "general tags above this probability (default: ${DEFAULT-VALUE})")
    float threshold;

    @Option(names = "--character-threshold", paramLabel = "P",
            defaultValue = "" + TaggerSettings.DEFAULT_CHARACTER_THRESHOLD,
            description = "character tags above this probability (default: ${DEFAULT-VALUE})")
    float characterThreshold;

    @Option(names = "--max-tags", paramLabel = "N", defaultValue = "" + TaggerSettings.DEFAULT_MAX_TAGS,
            description = "at most N tags per image, the most probable (default: ${DEFAULT-VALUE})")
    int maxTags;

    @Option(names = "--mcut", description = "MCut thresholds per category instead of the fixed ones "
            + "(characters at least " + TaggerSettings.CHARACTER_MCUT_FLOOR + ")")
    boolean mcut;

    @Option(names = "--mode", paramLabel = "append|replace|fill", defaultValue = "fill",
            description = "fill: only images without a caption (default); append: add the tags a caption lacks; "
                    + "replace: the model's tags instead of the caption's")
    String mode;

    @Option(names = "--rating", paramLabel = "none|first|last", defaultValue = "none",
            description = "add the rating tag (general, sensitive, questionable, explicit) first or last "
                    + "(default: ${DEFAULT-VALUE})")
    String rating;

    @Option(names = "--keep-underscores", description = "write long_hair, not long hair")
    boolean keepUnderscores;

    @Option(names = "--escape-parentheses", description = "write \\( and \\) (for A1111 prompts, --weighted_captions)")
    boolean escapeParentheses;

    @Option(names = "--exclude", paramLabel = "TAG", split = ",", description = "never write these tags")
    List<String> excluded;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    record Tag(String tag, String category, float probability) {
        static Tag of(TagPrediction p) {
            return new Tag(p.tag(), p.category().name().toLowerCase(Locale.ROOT), p.probability());
        }
    }

    record Image(String file, String sha256, boolean changed, String caption, List<Tag> written, List<Tag> predicted) {
    }

    record Problem(String file, String message) {
    }

    record Result(String project, String model, String provider, String mode, int images, long written,
                  double seconds, double imagesPerSecond, List<Image> tagged, List<String> skipped,
                  List<Problem> problems) {
    }

    @Override
    public Integer call() {
        TaggerSettings settings = settings();
        TagMode tagMode = parseMode(mode);
        ProjectLayout layout = ProjectDirs.layout(dir);
        String trigger;
        List<Path> images;
        try {
            trigger = ProjectDescriptor.read(layout.root()).triggerWord();
            images = DatasetReport.imageFiles(layout);
        } catch (ProjectDescriptorException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + layout.dataset() + ": " + e.getMessage(), e);
        }
        TaggingResult result;
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        try (TaggerModel tagger = TaggerModel.load(model)) {
            result = new DatasetTagger().tag(images, tagger, settings, tagMode, trigger, progress::step, () -> false);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        } finally {
            progress.finish();
        }
        print(layout, tagMode, result);
        boolean remembered = remember(result);
        return result.problems().isEmpty() && remembered ? 0 : AtelierCommand.PARTIAL;
    }

    /**
     * Stores what the model said about each tagged image (its content hash, tags, probabilities), so the tag editor
     * can mark model-made tags. The captions are written already: a store that cannot be opened is reported, not
     * fatal.
     */
    private boolean remember(TaggingResult result) {
        AtelierCommand root = (AtelierCommand) spec.root().userObject();
        Instant now = Instant.now();
        try (Store store = Store.open(StoreLocation.resolve(root.home))) {
            for (TaggedImage t : result.tagged()) {
                store.taggerTags().remember(t.contentHash(), t.predictions().stream()
                        .map(p -> new ModelTag(p.tag(), p.category().name(), p.probability(), result.modelName(), now))
                        .toList());
            }
            return true;
        } catch (StoreException | StoreAccessException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("atelier: the captions are written, but the store could not remember which tags the model "
                    + "made: " + e.getMessage());
            err.flush();
            return false;
        }
    }

    private TaggerSettings settings() {
        try {
            return new TaggerSettings(threshold, characterThreshold, mcut, maxTags, parseRating(rating),
                    !keepUnderscores, escapeParentheses, excluded == null ? Set.of() : new LinkedHashSet<>(excluded));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    private void print(ProjectLayout layout, TagMode tagMode, TaggingResult result) {
        PrintWriter out = spec.commandLine().getOut();
        String modeName = tagMode == TagMode.FILL_EMPTY ? "fill" : tagMode.name().toLowerCase(Locale.ROOT);
        if (json) {
            List<Image> tagged = result.tagged().stream().map(t -> new Image(t.image().getFileName().toString(),
                    t.contentHash(), t.changed(), t.caption(), t.written().stream().map(Tag::of).toList(),
                    t.predictions().stream().map(Tag::of).toList())).toList();
            out.println(Json.write(new Result(layout.root().toString(), result.modelName(), result.provider(),
                    modeName, result.images(), result.written(), result.elapsed().toMillis() / 1000.0,
                    round(result.imagesPerSecond()), tagged,
                    result.skipped().stream().map(p -> p.getFileName().toString()).toList(),
                    result.problems().stream().map(p -> new Problem(p.file().getFileName().toString(), p.message()))
                            .toList())));
            return;
        }
        for (TaggedImage t : result.tagged()) {
            String name = t.image().getFileName().toString();
            out.println(t.changed() ? name + ": " + t.caption() + "  (+" + t.written().size() + ")"
                    : name + ": unchanged (has every tag)");
        }
        for (Path p : result.skipped()) {
            out.println(p.getFileName() + ": skipped (has a caption)");
        }
        out.println(String.format(Locale.ROOT, "Tagged %d of %d images with %s on %s (%s mode): %d captions "
                        + "written, %d skipped, %d problems; %.1f images/s.", result.tagged().size(), result.images(),
                result.modelName(), result.provider(), modeName, result.written(), result.skipped().size(),
                result.problems().size(), result.imagesPerSecond()));
        if (!result.problems().isEmpty()) {
            out.println("Not tagged: " + result.problems().size());
            for (TaggingProblem p : result.problems()) {
                out.println("  " + p.message());
            }
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static TagMode parseMode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "append" -> TagMode.APPEND;
            case "replace" -> TagMode.REPLACE;
            case "fill" -> TagMode.FILL_EMPTY;
            default -> throw new CliFailure("--mode must be append, replace or fill, got \"" + value + "\"");
        };
    }

    static RatingTag parseRating(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> RatingTag.NONE;
            case "first" -> RatingTag.FIRST;
            case "last" -> RatingTag.LAST;
            default -> throw new CliFailure("--rating must be none, first or last, got \"" + value + "\"");
        };
    }
}
