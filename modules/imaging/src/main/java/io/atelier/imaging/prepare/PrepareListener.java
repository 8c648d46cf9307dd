package io.atelier.imaging.prepare;

/** Told after each image is handled, prepared or not. Called on worker threads, one call at a time. */
@FunctionalInterface
public interface PrepareListener {

    PrepareListener NONE = (done, total, file) -> {
    };

    /**
     * @param done  images handled so far, this one included
     * @param total images to handle
     * @param file  the file name just handled
     */
    void fileDone(int done, int total, String file);
}
