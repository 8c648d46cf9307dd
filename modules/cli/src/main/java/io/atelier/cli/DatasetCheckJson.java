package io.atelier.cli;

import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.report.AspectSpread;
import io.atelier.imaging.report.DatasetReport;
import io.atelier.imaging.report.FileProblem;
import io.atelier.imaging.report.ImageFinding;
import java.util.List;
import java.util.Locale;

/** {@code atelier dataset check --json}: the quality report, fields in this order. */
record DatasetCheckJson(String project, int longSide, int imageCount, String size, String sizeAdvice,
                        List<ImageFinding> images, List<FileProblem> problems, List<List<String>> exactDuplicates,
                        List<List<String>> nearDuplicates, AspectSpread aspectSpread, List<String> uncaptioned) {

    static DatasetCheckJson of(ProjectLayout layout, DatasetReport r) {
        return new DatasetCheckJson(layout.root().toString(), r.longSide(), r.images().size(),
                r.size().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.size().advice(), r.images(),
                r.problems(), r.exactDuplicates(), r.nearDuplicates(), r.aspectSpread(), r.uncaptioned());
    }
}
