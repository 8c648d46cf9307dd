package io.atelier.dataset.ui.buckets;

import io.atelier.core.buckets.Bucket;
import io.atelier.imaging.report.FileProblem;
import java.util.Locale;
import java.util.Map;
import org.openide.util.NbBundle.Messages;

/** The bucket plan as HTML for the Buckets tab: images per bucket, the warnings, what gets upscaled or cropped. */
@Messages({
    "BSUM_Buckets=Images per bucket",
    "BSUM_Bucket=bucket",
    "BSUM_Images=images",
    "# {0} - mean aspect error",
    "BSUM_Error=Mean aspect error {0} (what sd-scripts logs; 0 means no image is cropped)",
    "# {0} - count",
    "BSUM_Upscaled={0} images are enlarged to fill their bucket (softer training images)",
    "# {0} - count",
    "BSUM_Cropped={0} images lose more than 10% of their pixels to the crop",
    "BSUM_Unreadable=Not planned (header unreadable):",
    "BSUM_None=No images to plan."
})
public final class BucketSummary {

    private BucketSummary() {
    }

    public static String html(BucketIndex index) {
        StringBuilder h = new StringBuilder("<html><body style='font-family:sans-serif'>");
        index.mixedSizes().ifPresent(w -> h.append("<p style='color:#B03A2E'><b>").append(esc(w)).append("</b></p>"));
        for (String w : index.plan().warnings()) {
            h.append("<p style='color:#9A6700'>").append(esc(w)).append("</p>");
        }
        Map<Bucket, Integer> counts = index.plan().counts();
        if (counts.isEmpty()) {
            h.append("<p>").append(Bundle.BSUM_None()).append("</p>");
        } else {
            h.append("<p><b>").append(Bundle.BSUM_Buckets()).append("</b></p><table cellspacing='0' cellpadding='1'>");
            h.append("<tr><th align='left'>").append(Bundle.BSUM_Bucket()).append("</th><th align='right'>")
                    .append(Bundle.BSUM_Images()).append("</th></tr>");
            counts.forEach((b, n) -> h.append("<tr><td>").append(b.width()).append("\u00d7").append(b.height())
                    .append("</td><td align='right'>").append(n).append("</td></tr>"));
            h.append("</table>");
            h.append("<p>").append(Bundle.BSUM_Error(String.format(Locale.ROOT, "%.4f", index.plan().meanAspectError())))
                    .append("</p>");
        }
        long upscaled = index.upscaled();
        if (upscaled > 0) {
            h.append("<p>").append(Bundle.BSUM_Upscaled(upscaled)).append("</p>");
        }
        long cropped = index.croppedMoreThan(0.10);
        if (cropped > 0) {
            h.append("<p>").append(Bundle.BSUM_Cropped(cropped)).append("</p>");
        }
        if (!index.problems().isEmpty()) {
            h.append("<p>").append(Bundle.BSUM_Unreadable()).append("<br>");
            for (FileProblem p : index.problems()) {
                h.append(esc(p.file())).append("<br>");
            }
            h.append("</p>");
        }
        return h.append("</body></html>").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
