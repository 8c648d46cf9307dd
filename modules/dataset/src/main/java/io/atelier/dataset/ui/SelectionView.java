package io.atelier.dataset.ui;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.dataset.ui.buckets.CropOverlay;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.grid.ThumbnailLoader;
import io.atelier.dataset.ui.preview.PreviewLoader;
import io.atelier.dataset.ui.preview.PreviewPanel;
import io.atelier.dataset.ui.report.QualityIndex;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.openide.util.NbBundle.Messages;

/**
 * Shows the selected image: its thumbnail in the preview at once, the decoded image when it has been read, and its
 * details (size, bucket, findings, caption). Event thread only.
 */
@Messages({
    "LBL_Loading=loading\u2026",
    "# {0} - shown long side", "# {1} - stored long side",
    "LBL_Reduced=preview reduced to {0} px of {1} px on the long side"
})
final class SelectionView {

    private final PreviewPanel preview;
    private final ImageDetailsPanel details;
    private final ThumbnailLoader thumbnails;
    private final PreviewLoader loader = new PreviewLoader();
    private DatasetImage shown;
    private BufferedImage decoded;   // the shown image as decoded, for the orientation check of the crop

    SelectionView(PreviewPanel preview, ImageDetailsPanel details, ThumbnailLoader thumbnails) {
        this.preview = preview;
        this.details = details;
        this.thumbnails = thumbnails;
    }

    DatasetImage shown() {
        return shown;
    }

    /** Shows {@code lead} ({@code selected} images are selected); reads it again only when it is another image. */
    void show(DatasetImage lead, int selected, QualityIndex quality, BucketController buckets) {
        if (lead == null) {
            shown = null;
            decoded = null;
            loader.clear();
            preview.clear();
            details.clear(selected);
            return;
        }
        if (!Objects.equals(lead, shown)) {
            shown = lead;
            decoded = null;
            details.showImage(lead);
            ThumbnailLoader.Entry thumb = thumbnails.peek(lead);
            preview.show(thumb == null ? null : thumb.image(), Bundle.LBL_Loading());
            loader.load(lead, this::loaded);
        }
        showFindings(quality);
        showBucket(buckets);
    }

    private void loaded(PreviewLoader.Preview p) {
        String note = p.problem();
        if (p.image() != null && p.stored() != null) {
            int shownSide = Math.max(p.image().getWidth(), p.image().getHeight());
            int storedSide = Math.max(p.stored().width(), p.stored().height());
            if (shownSide < storedSide) {
                note = Bundle.LBL_Reduced(String.valueOf(shownSide), String.valueOf(storedSide));
            }
        }
        decoded = p.image();
        preview.show(p.image() != null ? p.image() : preview.image(), note == null ? " " : note);
        details.showStored(p.source(), p.stored());
        details.showCaption(p.caption());
    }

    /** The findings of the shown image, after the report or the kept findings changed. */
    void showFindings(QualityIndex quality) {
        if (shown == null) {
            return;
        }
        boolean covered = quality != null && quality.covers(shown.name());
        details.showFindings(covered ? quality.describe(shown.name()) : List.of(), covered);
    }

    /** The bucket of the shown image, after the plan or the overlay changed. */
    void showBucket(BucketController buckets) {
        if (shown == null) {
            return;
        }
        BucketAssignment a = buckets.of(shown);
        boolean sideways = a != null && decoded != null
                && !CropOverlay.sameOrientation(a, decoded.getWidth(), decoded.getHeight());
        details.showBucket(a, sideways);
        preview.setOverlay(buckets.overlayFor(shown));
    }

    /** The caption changed on disk: read the image's details again. */
    void reload() {
        if (shown != null) {
            loader.load(shown, this::loaded);
        }
    }

    void close() {
        loader.clear();
    }
}
