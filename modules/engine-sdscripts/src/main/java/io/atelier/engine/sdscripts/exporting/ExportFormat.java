package io.atelier.engine.sdscripts.exporting;

import java.util.Locale;

/** The export formats, with the names the command line uses. */
public enum ExportFormat {
    SD_SCRIPTS("sd-scripts"),
    KOHYA_GUI("kohya-gui"),
    CIVITAI("civitai");

    private final String id;

    ExportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ExportFormat byId(String id) {
        for (ExportFormat f : values()) {
            if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("format: \"" + id + "\" is not one of sd-scripts, kohya-gui, civitai");
    }
}
