package io.atelier.tageditor.ui;

import org.openide.util.RequestProcessor;

/**
 * The request processors of the Tag editor windows. Each window also has its own serial writer
 * ({@link io.atelier.tageditor.ui.captions.CaptionWriter}); the event thread never reads or writes captions itself.
 */
final class TagEditorThreads {

    /** Listings, caption reads, batch previews, vocabulary loading. */
    static final RequestProcessor IO = new RequestProcessor("Tag editor reading", 2, true);
    /** Thumbnails. One core stays free for the event thread. */
    static final RequestProcessor THUMBNAILS = new RequestProcessor("Tag editor thumbnails",
            Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors() - 1)));

    private TagEditorThreads() {
    }

    /** The serial writer thread of one window. */
    static RequestProcessor writer(String project) {
        return new RequestProcessor("Tag editor writes: " + project, 1, false, false);
    }
}
