package io.atelier.project.api;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Files dragged in from the desktop. Windows and macOS offer {@link DataFlavor#javaFileListFlavor}; most Linux file
 * managers offer only {@code text/uri-list}, so both are read.
 */
public final class DroppedFiles {

    /** The Linux (freedesktop) flavour: one {@code file:} URI per line. */
    public static final DataFlavor URI_LIST = uriListFlavor();

    private static final Logger LOG = Logger.getLogger(DroppedFiles.class.getName());

    private DroppedFiles() {
    }

    /** Whether the transferable may carry files; checks flavours only, so it is safe while dragging. */
    public static boolean offered(Transferable t) {
        return t != null && (t.isDataFlavorSupported(DataFlavor.javaFileListFlavor) || t.isDataFlavorSupported(URI_LIST));
    }

    /**
     * The dropped files and folders, in the order given; empty when the drop carries none (e.g. links to web pages).
     * Read it when the drop happens: during a drag the data is not available on every platform.
     */
    public static List<Path> read(Transferable t) throws UnsupportedFlavorException, IOException {
        if (t.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
            List<Path> files = new ArrayList<>();
            for (Object o : (List<?>) t.getTransferData(DataFlavor.javaFileListFlavor)) {
                if (o instanceof File f) {
                    files.add(f.toPath());
                }
            }
            if (!files.isEmpty()) {
                return files;
            }
        }
        if (t.isDataFlavorSupported(URI_LIST)) {
            return parseUriList((String) t.getTransferData(URI_LIST));
        }
        return List.of();
    }

    /** RFC 2483 {@code text/uri-list}: comment lines start with {@code #}; anything but {@code file:} is skipped. */
    static List<Path> parseUriList(String text) {
        List<Path> files = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            try {
                URI uri = new URI(s);
                if ("file".equalsIgnoreCase(uri.getScheme())) {
                    files.add(Path.of(uri));
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a file this machine can open (a remote host, a malformed line): nothing to import from it
                LOG.log(Level.FINE, "dropped URI skipped: {0} ({1})", new Object[]{s, e.getMessage()});
            }
        }
        return files;
    }

    private static DataFlavor uriListFlavor() {
        try {
            return new DataFlavor("text/uri-list;class=java.lang.String");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("java.lang.String is always loadable", e);
        }
    }
}
