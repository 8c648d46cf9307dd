package io.atelier.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Whether a folder may be written to, the way a user means it. */
public final class Folders {

    private Folders() {
    }

    /**
     * False for a folder the file system refuses, and for one whose permission bits give nobody write access:
     * a process running as root could write there anyway, but the user marked it read-only.
     */
    public static boolean isWritable(Path dir) throws IOException {
        if (!Files.isWritable(dir)) {
            return false;
        }
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return true;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
        return perms.contains(PosixFilePermission.OWNER_WRITE) || perms.contains(PosixFilePermission.GROUP_WRITE)
                || perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** The folder itself if it exists, else its nearest existing ancestor: where creating it would write. */
    public static Path nearestExisting(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }
}
