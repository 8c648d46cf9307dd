package io.atelier.dataset.ui.report;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a file in the program the desktop associates with it for editing (or, failing that, for viewing). */
public final class SystemEditor {

    private SystemEditor() {
    }

    /** Blocks while the desktop starts the program: call off the event thread. */
    public static void open(Path file) throws IOException {
        if (!Desktop.isDesktopSupported()) {
            throw new IOException("this desktop cannot open " + file + " in another program");
        }
        Desktop desktop = Desktop.getDesktop();
        try {
            if (desktop.isSupported(Desktop.Action.EDIT)) {
                desktop.edit(file.toFile());
            } else if (desktop.isSupported(Desktop.Action.OPEN)) {
                desktop.open(file.toFile());
            } else {
                throw new IOException("this desktop cannot open " + file + " in another program");
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new IOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }
}
