package io.atelier.tageditor.ui.captions;

import io.atelier.core.caption.Caption;
import io.atelier.core.caption.CaptionText;
import java.nio.file.Path;

/** Asks the user which version of a caption wins when another program changed it under an edit. */
@FunctionalInterface
public interface ConflictResolver {

    enum Choice {
        /** Write the user's version over the file. */
        KEEP_MINE,
        /** Take the file as it is now; the user's edit is dropped. */
        USE_THEIRS
    }

    /** Called on the event thread; may block in a modal dialog. */
    Choice resolve(Path image, Caption mine, CaptionText theirs);
}
