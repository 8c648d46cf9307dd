package io.atelier.tageditor.ui.batch;

import io.atelier.core.caption.BatchPreview;
import io.atelier.core.caption.CaptionChange;
import io.atelier.core.caption.CaptionProblem;
import java.util.ArrayList;
import java.util.List;
import org.openide.util.NbBundle.Messages;

/**
 * What a batch edit would change, as the dialog shows it: how many captions change, stay and cannot be read, then a
 * sample: per caption its tags after the edit with the added ones in green, and the removed ones struck through in
 * red; a pure reordering shows the order before and after.
 */
@Messages({
    "# {0} - changing", "# {1} - unchanged",
    "PREVIEW_Counts=<b>{0,choice,0#No caption changes|1#1 caption changes|1<{0} captions change}</b>, {1} unchanged",
    "# {0} - problems",
    "PREVIEW_Problems={0,choice,1#1 caption cannot be read and is left alone|1<{0} captions cannot be read and are left alone}",
    "# {0} - shown", "# {1} - all",
    "PREVIEW_Sample=The first {0} of {1}:",
    "PREVIEW_Before=before:",
    "PREVIEW_After=after:",
    "PREVIEW_Removed=removed:"
})
public final class PreviewText {

    static final int SAMPLE = 8;

    private PreviewText() {
    }

    public static String html(BatchPreview p) {
        StringBuilder h = new StringBuilder("<html><body style='font-family:sans-serif'>");
        h.append("<p>").append(Bundle.PREVIEW_Counts(p.changes().size(), p.unchanged())).append("</p>");
        if (!p.problems().isEmpty()) {
            h.append("<p style='color:#C0392B'>").append(Bundle.PREVIEW_Problems(p.problems().size()));
            for (CaptionProblem problem : p.problems().subList(0, Math.min(3, p.problems().size()))) {
                h.append("<br>").append(escape(problem.message()));
            }
            h.append("</p>");
        }
        List<CaptionChange> sample = p.sample(SAMPLE);
        if (!sample.isEmpty()) {
            if (sample.size() < p.changes().size()) {
                h.append("<p>").append(Bundle.PREVIEW_Sample(sample.size(), p.changes().size())).append("</p>");
            }
            for (CaptionChange c : sample) {
                h.append("<p><b>").append(escape(c.image().getFileName().toString())).append("</b><br>");
                change(h, c.before().caption().tags(), c.after().tags());
                h.append("</p>");
            }
        }
        return h.append("</body></html>").toString();
    }

    private static void change(StringBuilder h, List<String> before, List<String> after) {
        List<String> removed = minus(before, after);
        List<String> added = minus(after, before);
        if (removed.isEmpty() && added.isEmpty()) {
            h.append(Bundle.PREVIEW_Before()).append(' ').append(escape(String.join(", ", before))).append("<br>")
                    .append(Bundle.PREVIEW_After()).append(' ').append(escape(String.join(", ", after)));
            return;
        }
        List<String> pending = new ArrayList<>(added);
        List<String> parts = new ArrayList<>();
        for (String tag : after) {
            if (pending.remove(tag)) {
                parts.add("<span style='color:#1E8449'><b>" + escape(tag) + "</b></span>");
            } else {
                parts.add(escape(tag));
            }
        }
        h.append(String.join(", ", parts));
        if (!removed.isEmpty()) {
            h.append("<br>").append(Bundle.PREVIEW_Removed()).append(" <span style='color:#C0392B'><s>")
                    .append(escape(String.join(", ", removed))).append("</s></span>");
        }
    }

    /** The tags of {@code a} not in {@code b}, counting repeats (a duplicate removed shows as removed). */
    static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(b);
        List<String> out = new ArrayList<>();
        for (String t : a) {
            if (!rest.remove(t)) {
                out.add(t);
            }
        }
        return out;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
