package io.atelier.dataset.ui.report;

import io.atelier.dataset.ui.grid.DatasetImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.openide.util.NbBundle.Messages;

/** An entry of the grid's filter: all images, or those with an open finding of one kind. */
@Messages("FILTER_All=All images")
public record ImageFilter(FindingKind kind) {

    public static final ImageFilter ALL = new ImageFilter(null);

    /** All, then one entry per finding kind, in the order of {@link FindingKind}. */
    public static List<ImageFilter> choices() {
        List<ImageFilter> list = new ArrayList<>();
        list.add(ALL);
        for (FindingKind k : FindingKind.values()) {
            list.add(new ImageFilter(k));
        }
        return list;
    }

    /** Whether this filter needs a quality report to say anything. */
    public boolean needsReport() {
        return kind != null;
    }

    /** Which images pass, given the report (null: not checked yet, so only {@link #ALL} passes anything). */
    public Predicate<DatasetImage> predicate(QualityIndex quality) {
        if (kind == null) {
            return image -> true;
        }
        if (quality == null) {
            return image -> false;
        }
        return image -> quality.open(image.name()).contains(kind);
    }

    @Override
    public String toString() {
        return kind == null ? Bundle.FILTER_All() : kind.label();
    }
}
