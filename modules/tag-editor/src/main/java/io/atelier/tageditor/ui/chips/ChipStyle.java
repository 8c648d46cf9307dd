package io.atelier.tageditor.ui.chips;

import io.atelier.tagger.model.TagCategory;
import java.awt.Color;
import javax.swing.UIManager;

/**
 * Colours of the chips, taken from the look and feel where it has them so FlatLaf Light and Dark both read well.
 * Categories are a stripe on the left edge: character green, rating orange, other booru categories purple;
 * general tags and tags the tagger does not know have none.
 */
final class ChipStyle {

    static final Color CHARACTER = new Color(0x2E9E5B);
    static final Color RATING = new Color(0xD9822B);
    static final Color OTHER = new Color(0x8E5CC7);
    /** The marker of tags a tagger model made. */
    static final Color PREDICTED = new Color(0x7B61FF);

    private ChipStyle() {
    }

    static Color stripe(TagCategory category) {
        if (category == null) {
            return null;
        }
        return switch (category) {
            case CHARACTER -> CHARACTER;
            case RATING -> RATING;
            case OTHER -> OTHER;
            case GENERAL -> null;
        };
    }

    static Color accent() {
        return color("Component.accentColor", new Color(0x2675BF));
    }

    static Color focus() {
        return color("Component.focusColor", accent());
    }

    static Color background() {
        Color panel = color("Panel.background", Color.WHITE);
        return dark() ? panel.brighter() : mix(panel, Color.BLACK, 0.06f);
    }

    static Color hover() {
        Color b = background();
        return dark() ? b.brighter() : mix(b, Color.BLACK, 0.05f);
    }

    static Color border() {
        return color("Component.borderColor", Color.GRAY);
    }

    static Color text() {
        return color("Label.foreground", Color.BLACK);
    }

    static Color muted() {
        return color("Label.disabledForeground", Color.GRAY);
    }

    static boolean dark() {
        Color bg = color("Panel.background", Color.WHITE);
        return (bg.getRed() + bg.getGreen() + bg.getBlue()) / 3 < 128;
    }

    private static Color color(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c == null ? fallback : c;
    }

    private static Color mix(Color a, Color b, float t) {
        return new Color(Math.round(a.getRed() * (1 - t) + b.getRed() * t),
                Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
                Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
    }
}
