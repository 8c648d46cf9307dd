package io.atelier.tageditor.ui.images;

import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.grid.ThumbnailLoader;
import io.atelier.dataset.ui.preview.PreviewLoader;
import io.atelier.dataset.ui.preview.PreviewPanel;
import io.atelier.imaging.decode.ImageInfo;
import java.util.Objects;
import org.openide.util.NbBundle.Messages;

/**
 * Shows the image being tagged: its thumbnail at once, the decoded image when it has been read, with its stored size
 * and format under it. Only the latest image counts. Event thread only.
 */
@Messages({
    "LBL_ImageLoading=loading\u2026",
    "# {0} - width", "# {1} - height", "# {2} - format",
    "LBL_ImageSize={0} \u00d7 {1} {2}"
})
public final class ImageView {

    private final PreviewPanel panel;
    private final ThumbnailLoader thumbnails;
    private final PreviewLoader loader = new PreviewLoader();
    private DatasetImage shown;

    public ImageView(PreviewPanel panel, ThumbnailLoader thumbnails) {
        this.panel = panel;
        this.thumbnails = thumbnails;
    }

    public void show(DatasetImage image) {
        if (image == null) {
            shown = null;
            loader.clear();
            panel.clear();
            return;
        }
        if (Objects.equals(image, shown)) {
            return;
        }
        shown = image;
        ThumbnailLoader.Entry thumb = thumbnails.peek(image);
        panel.show(thumb == null ? null : thumb.image(), Bundle.LBL_ImageLoading());
        loader.load(image, this::loaded);
    }

    private void loaded(PreviewLoader.Preview p) {
        ImageInfo stored = p.stored();
        String note = p.problem() != null ? p.problem()
                : stored == null ? " " : Bundle.LBL_ImageSize(String.valueOf(stored.width()),
                        String.valueOf(stored.height()), stored.format());
        panel.show(p.image() != null ? p.image() : panel.image(), note);
    }

    public void close() {
        loader.clear();
    }
}
