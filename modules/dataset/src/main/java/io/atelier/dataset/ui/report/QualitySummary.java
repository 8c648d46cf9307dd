package io.atelier.dataset.ui.report;

import io.atelier.imaging.report.DatasetReport;
import io.atelier.imaging.report.DatasetSize;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openide.util.NbBundle.Messages;

/**
 * The dataset-level part of the quality report as HTML for the Quality tab: size against the workflow's advice,
 * counts per finding (each a link that filters the grid), duplicate groups (links that select them), aspect ratios,
 * unreadable files and kept findings. Links: {@code filter:KIND}, {@code select:a.png|b.png}, {@code forget-kept}.
 */
@Messages({
    "# {0} - number of images",
    "SUM_Images={0} images",
    "SUM_Findings=Findings",
    "SUM_NoFindings=No open findings.",
    "# {0} - number of images",
    "SUM_Show=show {0}",
    "SUM_Exact=Exact duplicates",
    "SUM_Near=Near duplicates",
    "SUM_Select=select",
    "SUM_Aspect=Aspect ratios",
    "# {0} - narrowest", "# {1} - narrowest file", "# {2} - widest", "# {3} - widest file",
    "SUM_AspectRange={0} ({1}) to {2} ({3})",
    "# {0} - number", 
    "SUM_Kept={0} findings kept as they are",
    "SUM_ForgetKept=ask again",
    "# {0} - long side",
    "SUM_Checked=Checked against {0} px on the long side.",
    "SUM_Stale=The dataset changed since this check: run Check Quality again for new images."
})
public final class QualitySummary {

    private QualitySummary() {
    }

    public static String html(QualityIndex q, boolean stale) {
        DatasetReport r = q.report();
        StringBuilder h = new StringBuilder("<html><body style='font-family:sans-serif'>");
        h.append("<p><b>").append(Bundle.SUM_Images(r.images().size() + r.problems().size())).append("</b> \u2014 ")
                .append(esc(r.size().advice())).append(". <i>").append(esc(DatasetSize.QUALITY_NOTE)).append("</i></p>");
        h.append("<p><b>").append(Bundle.SUM_Findings()).append("</b><br>");
        Map<FindingKind, Integer> counts = q.openCounts();
        if (counts.isEmpty()) {
            h.append(Bundle.SUM_NoFindings());
        }
        for (Map.Entry<FindingKind, Integer> e : counts.entrySet()) {
            h.append(esc(e.getKey().label())).append(": ").append(e.getValue()).append(" &nbsp;<a href='filter:")
                    .append(e.getKey().name()).append("'>").append(Bundle.SUM_Show(e.getValue())).append("</a><br>");
        }
        h.append("</p>");
        groups(h, Bundle.SUM_Exact(), r.exactDuplicates());
        groups(h, Bundle.SUM_Near(), r.nearDuplicates());
        if (r.aspectSpread() != null) {
            h.append("<p><b>").append(Bundle.SUM_Aspect()).append("</b><br>").append(esc(Bundle.SUM_AspectRange(
                    String.format(Locale.ROOT, "%.2f", r.aspectSpread().min()), r.aspectSpread().minFile(),
                    String.format(Locale.ROOT, "%.2f", r.aspectSpread().max()), r.aspectSpread().maxFile())))
                    .append("</p>");
        }
        int kept = q.keptTotal();
        if (kept > 0) {
            h.append("<p>").append(Bundle.SUM_Kept(kept)).append(" &nbsp;<a href='forget-kept'>")
                    .append(Bundle.SUM_ForgetKept()).append("</a></p>");
        }
        h.append("<p><small>").append(Bundle.SUM_Checked(String.valueOf(r.longSide()))).append("</small></p>");
        if (stale) {
            h.append("<p><i>").append(Bundle.SUM_Stale()).append("</i></p>");
        }
        return h.append("</body></html>").toString();
    }

    private static void groups(StringBuilder h, String title, List<List<String>> groups) {
        if (groups.isEmpty()) {
            return;
        }
        h.append("<p><b>").append(title).append("</b><br>");
        for (List<String> g : groups) {
            h.append(esc(String.join(" = ", g))).append(" &nbsp;<a href='select:").append(esc(String.join("|", g)))
                    .append("'>").append(Bundle.SUM_Select()).append("</a><br>");
        }
        h.append("</p>");
    }

    /** A file name from a {@code select:} link, as {@link #esc} wrote it. */
    public static String unescape(String s) {
        return s.replace("&#39;", "'").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
