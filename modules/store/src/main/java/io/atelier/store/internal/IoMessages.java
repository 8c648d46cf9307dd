package io.atelier.store.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Words an {@link IOException} from {@code java.nio.file} for a one-line message whose subject is already named. */
public final class IoMessages {

    private IoMessages() {
    }

    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + " does not exist";
        }
        if (e instanceof FileAlreadyExistsException) {
            return e.getMessage() + " already exists and is not a folder";
        }
        if (e instanceof NotDirectoryException) {
            return e.getMessage() + " is not a folder";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getFile() == null ? fse.getReason() : fse.getFile() + ": " + fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
