package io.atelier.dataset.ui.report;

import java.awt.Color;
import org.openide.util.NbBundle.Messages;

/** The kinds of finding the quality report makes about an image, as the filter and the badges name them. */
@Messages({
    "KIND_LowRes=Low-res",
    "KIND_Blurry=Blurry",
    "KIND_HeavyJpeg=Heavy JPEG",
    "KIND_Sideways=Sideways (EXIF)",
    "KIND_Transparent=Transparency",
    "KIND_Duplicate=Duplicates",
    "KIND_NearDuplicate=Near-duplicates",
    "KIND_NoCaption=No caption",
    "KIND_Unreadable=Unreadable"
})
public enum FindingKind {
    LOW_RES("low-res", "LOW", new Color(0xC2, 0x7C, 0x0E)),
    BLURRY("blurry", "BLUR", new Color(0x7B, 0x52, 0xAB)),
    HEAVY_JPEG("heavy-jpeg", "JPEG", new Color(0xB0, 0x5A, 0x2A)),
    SIDEWAYS("sideways", "EXIF", new Color(0x4E, 0x7D, 0x3A)),
    TRANSPARENT("transparent", "ALPHA", new Color(0x5D, 0x6D, 0x7E)),
    DUPLICATE("duplicate", "DUP", new Color(0xC0, 0x39, 0x2B)),
    NEAR_DUPLICATE("near-duplicate", "NEAR", new Color(0xD3, 0x54, 0x7E)),
    NO_CAPTION("no-caption", "TXT", new Color(0x2E, 0x6D, 0xA4)),
    UNREADABLE("unreadable", "ERR", new Color(0x99, 0x1B, 0x1B));

    private final String id;
    private final String badge;
    private final Color color;

    FindingKind(String id, String badge, Color color) {
        this.id = id;
        this.badge = badge;
        this.color = color;
    }

    /** Stable name in files (kept findings); never translated. */
    public String id() {
        return id;
    }

    /** The few letters on a grid cell. */
    public String badge() {
        return badge;
    }

    public Color color() {
        return color;
    }

    /** Name in the filter and the report. */
    public String label() {
        return switch (this) {
            case LOW_RES -> Bundle.KIND_LowRes();
            case BLURRY -> Bundle.KIND_Blurry();
            case HEAVY_JPEG -> Bundle.KIND_HeavyJpeg();
            case SIDEWAYS -> Bundle.KIND_Sideways();
            case TRANSPARENT -> Bundle.KIND_Transparent();
            case DUPLICATE -> Bundle.KIND_Duplicate();
            case NEAR_DUPLICATE -> Bundle.KIND_NearDuplicate();
            case NO_CAPTION -> Bundle.KIND_NoCaption();
            case UNREADABLE -> Bundle.KIND_Unreadable();
        };
    }

    /** Whether "keep" makes sense: an unreadable file cannot be trained on, so it can only be fixed or removed. */
    public boolean keepable() {
        return this != UNREADABLE;
    }

    static FindingKind byId(String id) {
        for (FindingKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label();
    }
}
