package io.atelier.dataset.ui.report;

import java.util.List;
import org.openide.util.NbBundle.Messages;

/** One-click fixes offered beside a finding. */
@Messages({
    "FIX_Trash=Move to Trash",
    "FIX_Open=Open in Editor",
    "FIX_Keep=Keep",
    "FIX_WriteCaption=Write Caption\u2026"
})
public enum Fix {
    TRASH, OPEN_IN_EDITOR, KEEP, WRITE_CAPTION;

    public String label() {
        return switch (this) {
            case TRASH -> Bundle.FIX_Trash();
            case OPEN_IN_EDITOR -> Bundle.FIX_Open();
            case KEEP -> Bundle.FIX_Keep();
            case WRITE_CAPTION -> Bundle.FIX_WriteCaption();
        };
    }

    /**
     * What makes sense for a finding: an image editor can sharpen, re-save or repair a file but not add pixels a
     * low-res image never had (Prepare upscales it anyway); a duplicate only needs one copy gone; a sideways or
     * transparent image is fixed by Prepare, or by saving it again in an editor.
     */
    public static List<Fix> forKind(FindingKind kind) {
        return switch (kind) {
            case LOW_RES, DUPLICATE, NEAR_DUPLICATE -> List.of(TRASH, KEEP);
            case BLURRY, HEAVY_JPEG, TRANSPARENT -> List.of(TRASH, OPEN_IN_EDITOR, KEEP);
            case SIDEWAYS -> List.of(OPEN_IN_EDITOR, KEEP);
            case NO_CAPTION -> List.of(WRITE_CAPTION, KEEP);
            case UNREADABLE -> List.of(TRASH, OPEN_IN_EDITOR);
        };
    }
}
