package io.atelier.dataset.ui.report;

import io.atelier.imaging.quality.BlurMeasure;
import io.atelier.imaging.quality.JpegQuality;
import io.atelier.imaging.report.DatasetReport;
import io.atelier.imaging.report.FileProblem;
import io.atelier.imaging.report.ImageFinding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openide.util.NbBundle.Messages;

/**
 * A quality report looked up by file name: which findings each image has, which of them the user kept, and each in
 * words. Immutable; a new one is made when the report or the kept findings change.
 */
@Messages({
    "# {0} - width", "# {1} - height", "# {2} - factor", "# {3} - long side",
    "FINDING_LowRes=Low resolution: {0}\u00d7{1} needs \u00d7{2} to reach {3} px on the long side",
    "# {0} - score", "# {1} - threshold",
    "FINDING_Blurry=Blurry: sharpness {0} (below {1})",
    "# {0} - quality", "# {1} - threshold",
    "FINDING_HeavyJpeg=Heavy JPEG compression: quality about {0} (below {1})",
    "FINDING_Sideways=Stored sideways: shown upright by its EXIF orientation, which sd-scripts ignores; Prepare writes it upright",
    "FINDING_Transparent=Transparent pixels: sd-scripts drops the alpha and trains the hidden colours; Prepare puts them on white",
    "# {0} - other files",
    "FINDING_Duplicate=Exact duplicate of {0}",
    "# {0} - other files",
    "FINDING_NearDuplicate=Nearly identical to {0}",
    "# {0} - caption file",
    "FINDING_NoCaption=No caption: {0} is missing or blank",
    "# {0} - reason",
    "FINDING_Unreadable=Unreadable: {0}"
})
public final class QualityIndex {

    private final DatasetReport report;
    private final KeptFindings kept;
    private final Map<String, ImageFinding> images = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private final Map<String, List<String>> exactGroups = new HashMap<>();
    private final Map<String, List<String>> nearGroups = new HashMap<>();

    private QualityIndex(DatasetReport report, KeptFindings kept) {
        this.report = report;
        this.kept = kept;
        for (ImageFinding f : report.images()) {
            images.put(f.file(), f);
        }
        for (FileProblem p : report.problems()) {
            problems.put(p.file(), p.message());
        }
        for (List<String> g : report.exactDuplicates()) {
            g.forEach(f -> exactGroups.put(f, g));
        }
        for (List<String> g : report.nearDuplicates()) {
            g.forEach(f -> nearGroups.put(f, g));
        }
    }

    public static QualityIndex of(DatasetReport report, KeptFindings kept) {
        return new QualityIndex(report, kept);
    }

    public QualityIndex withKept(KeptFindings kept) {
        return new QualityIndex(report, kept);
    }

    /**
     * The report as it applies to the files still in the dataset: images trashed or renamed since the check drop out,
     * and so do duplicate groups left with one member ("duplicate of" a file that is gone is no finding).
     */
    public QualityIndex restrictedTo(Set<String> files) {
        if (files.containsAll(images.keySet()) && files.containsAll(problems.keySet())) {
            return this;
        }
        return new QualityIndex(report.restrictedTo(files), kept);
    }

    /** The report after a caption was written for {@code file}: its "no caption" finding is gone. */
    public QualityIndex withCaptionWritten(String file) {
        ImageFinding f = images.get(file);
        if (f == null || f.captioned()) {
            return this;
        }
        return new QualityIndex(report.withCaptioned(file, true), kept);
    }

    public DatasetReport report() {
        return report;
    }

    public KeptFindings kept() {
        return kept;
    }

    /** Whether the report looked at a file of this name (new files since the check have no findings yet). */
    public boolean covers(String file) {
        return images.containsKey(file) || problems.containsKey(file);
    }

    /** Every finding of the file, kept ones included. */
    public Set<FindingKind> all(String file) {
        Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
        if (problems.containsKey(file)) {
            kinds.add(FindingKind.UNREADABLE);
        }
        ImageFinding f = images.get(file);
        if (f == null) {
            return kinds;
        }
        if (f.needsUpscale()) {
            kinds.add(FindingKind.LOW_RES);
        }
        if (f.blurry()) {
            kinds.add(FindingKind.BLURRY);
        }
        if (f.heavyCompression()) {
            kinds.add(FindingKind.HEAVY_JPEG);
        }
        if (f.rotatedByExif()) {
            kinds.add(FindingKind.SIDEWAYS);
        }
        if (f.transparent()) {
            kinds.add(FindingKind.TRANSPARENT);
        }
        if (exactGroups.containsKey(file)) {
            kinds.add(FindingKind.DUPLICATE);
        }
        if (nearGroups.containsKey(file)) {
            kinds.add(FindingKind.NEAR_DUPLICATE);
        }
        if (!f.captioned()) {
            kinds.add(FindingKind.NO_CAPTION);
        }
        return kinds;
    }

    /** The findings the user has not kept: what the filter and the badges show. */
    public Set<FindingKind> open(String file) {
        Set<FindingKind> kinds = all(file);
        kinds.removeAll(keptOf(file));
        return kinds;
    }

    private Set<FindingKind> keptOf(String file) {
        ImageFinding f = images.get(file);
        return f == null ? Set.of() : kept.of(f.contentHash());
    }

    /** Every finding of the file in words, open ones first. */
    public List<Finding> describe(String file) {
        List<Finding> open = new ArrayList<>();
        List<Finding> keptOnes = new ArrayList<>();
        Set<FindingKind> keptKinds = keptOf(file);
        for (FindingKind kind : all(file)) {
            Finding finding = new Finding(kind, text(kind, file), keptKinds.contains(kind));
            (finding.kept() ? keptOnes : open).add(finding);
        }
        open.addAll(keptOnes);
        return open;
    }

    private String text(FindingKind kind, String file) {
        ImageFinding f = images.get(file);
        return switch (kind) {
            case LOW_RES -> Bundle.FINDING_LowRes(String.valueOf(f.width()), String.valueOf(f.height()),
                    String.format(Locale.ROOT, "%.2f", f.scaleFactor()), String.valueOf(report.longSide()));
            case BLURRY -> Bundle.FINDING_Blurry(String.format(Locale.ROOT, "%.0f", f.blurScore()),
                    String.format(Locale.ROOT, "%.0f", BlurMeasure.BLURRY_BELOW));
            case HEAVY_JPEG -> Bundle.FINDING_HeavyJpeg(f.jpegQuality(), JpegQuality.HEAVY_COMPRESSION_BELOW);
            case SIDEWAYS -> Bundle.FINDING_Sideways();
            case TRANSPARENT -> Bundle.FINDING_Transparent();
            case DUPLICATE -> Bundle.FINDING_Duplicate(others(exactGroups.get(file), file));
            case NEAR_DUPLICATE -> Bundle.FINDING_NearDuplicate(others(nearGroups.get(file), file));
            case NO_CAPTION -> Bundle.FINDING_NoCaption(captionName(file));
            case UNREADABLE -> Bundle.FINDING_Unreadable(problems.get(file));
        };
    }

    private static String others(List<String> group, String file) {
        return String.join(", ", group.stream().filter(f -> !f.equals(file)).toList());
    }

    private static String captionName(String file) {
        int dot = file.lastIndexOf('.');
        return (dot > 0 ? file.substring(0, dot) : file) + ".txt";
    }

    /**
     * Content hashes to keep {@code kind} for when the user keeps it on {@code file}: for duplicates and near-duplicates
     * the whole group (keeping means "these belong together"), otherwise the image itself.
     */
    public List<String> keepTargets(String file, FindingKind kind) {
        List<String> group = switch (kind) {
            case DUPLICATE -> exactGroups.getOrDefault(file, List.of(file));
            case NEAR_DUPLICATE -> nearGroups.getOrDefault(file, List.of(file));
            default -> List.of(file);
        };
        Set<String> hashes = new LinkedHashSet<>();
        for (String member : group) {
            ImageFinding f = images.get(member);
            if (f != null) {
                hashes.add(f.contentHash());
            }
        }
        return List.copyOf(hashes);
    }

    /** The duplicate or near-duplicate group of the file, itself included; empty when it has none. */
    public List<String> group(String file, FindingKind kind) {
        return switch (kind) {
            case DUPLICATE -> exactGroups.getOrDefault(file, List.of());
            case NEAR_DUPLICATE -> nearGroups.getOrDefault(file, List.of());
            default -> List.of();
        };
    }

    /** How many images have an open finding of each kind. */
    public Map<FindingKind, Integer> openCounts() {
        Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);
        Set<String> files = new LinkedHashSet<>(images.keySet());
        files.addAll(problems.keySet());
        for (String file : files) {
            for (FindingKind k : open(file)) {
                counts.merge(k, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Open findings over the whole dataset. */
    public int openTotal() {
        return openCounts().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Findings the user kept, over the images this report covers. */
    public int keptTotal() {
        int n = 0;
        for (String file : images.keySet()) {
            Set<FindingKind> all = all(file);
            n += (int) keptOf(file).stream().filter(all::contains).count();
        }
        return n;
    }

    public Optional<ImageFinding> image(String file) {
        return Optional.ofNullable(images.get(file));
    }
}
