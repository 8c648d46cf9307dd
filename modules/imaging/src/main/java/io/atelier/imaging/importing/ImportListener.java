package io.atelier.imaging.importing;

/** Told after each file or archive entry, imported or not. Called on the importing thread. */
@FunctionalInterface
public interface ImportListener {

    ImportListener NONE = (done, total, item) -> {
    };

    /**
     * @param done  items handled so far, this one included
     * @param total items found in all sources (images in folders and archives)
     * @param item  the file path or {@code archive.zip!entry} just handled
     */
    void fileDone(int done, int total, String item);
}
