package io.atelier.core.basemodel;

import java.util.Arrays;
import java.util.Locale;

/**
 * The base-model families LoRA Atelier trains for. Pony and Illustrious are SDXL-architecture checkpoints
 * trained through the SDXL path; they are named because users pick them by name.
 */
public enum BaseModelFamily {
    SD15("SD 1.5", false),
    SDXL("SDXL", true),
    PONY("Pony", true),
    ILLUSTRIOUS("Illustrious", true),
    OTHER_SDXL("Other SDXL", true);

    private final String displayName;
    private final boolean sdxlArchitecture;

    BaseModelFamily(String displayName, boolean sdxlArchitecture) {
        this.displayName = displayName;
        this.sdxlArchitecture = sdxlArchitecture;
    }

    public String displayName() {
        return displayName;
    }

    /** True for every family trained with sd-scripts' SDXL scripts. */
    public boolean isSdxlArchitecture() {
        return sdxlArchitecture;
    }

    /**
     * Parses a family from the forms a user types: the enum name, the display name, or common spellings
     * ({@code sd15}, {@code sd1.5}, {@code SD 1.5}, {@code other-sdxl}). Case-insensitive.
     */
    public static BaseModelFamily parse(String text) {
        String k = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s._-]", "");
        for (BaseModelFamily f : values()) {
            if (k.equals(f.name().toLowerCase(Locale.ROOT).replace("_", ""))
                    || k.equals(f.displayName.toLowerCase(Locale.ROOT).replaceAll("[\\s._-]", ""))) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown base model family \"" + text + "\"; expected one of "
                + Arrays.stream(values()).map(BaseModelFamily::cliName).toList() + ".");
    }

    /** The spelling used on the command line and in JSON: {@code sd15}, {@code sdxl}, {@code other-sdxl}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return displayName;
    }
}
