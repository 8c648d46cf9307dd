package io.atelier.store;

/**
 * The store could not be opened. The message is one line that names the file or folder and the problem, fit to
 * show the user as it is.
 */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
