package io.atelier.dataset.ui.preview;

import java.util.Locale;

/**
 * The preview's zoom: "fit" (shrink to the view, never enlarge, as image viewers do) or a fixed scale. Zooming in or
 * out steps from the scale currently shown through a fixed ladder, so the wheel, +/- and the buttons agree.
 */
public record Zoom(boolean fit, double scale) {

    static final double[] STEPS = {1 / 16.0, 1 / 8.0, 1 / 6.0, 1 / 4.0, 1 / 3.0, 1 / 2.0, 2 / 3.0, 1, 1.5, 2, 3, 4, 6, 8, 12, 16};
    private static final double EPSILON = 1e-6;

    public static Zoom toFit() {
        return new Zoom(true, 1);
    }

    public static Zoom actualSize() {
        return new Zoom(false, 1);
    }

    /** The scale an image of this size is shown at in a view of this size. */
    public double scaleFor(int imageWidth, int imageHeight, int viewWidth, int viewHeight) {
        if (!fit) {
            return scale;
        }
        if (imageWidth <= 0 || imageHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            return 1;
        }
        return Math.min(1, Math.min((double) viewWidth / imageWidth, (double) viewHeight / imageHeight));
    }

    /** One step larger than {@code shown}, the scale on screen now. */
    public static Zoom in(double shown) {
        for (double s : STEPS) {
            if (s > shown + EPSILON) {
                return new Zoom(false, s);
            }
        }
        return new Zoom(false, STEPS[STEPS.length - 1]);
    }

    /** One step smaller than {@code shown}. */
    public static Zoom out(double shown) {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < shown - EPSILON) {
                return new Zoom(false, STEPS[i]);
            }
        }
        return new Zoom(false, STEPS[0]);
    }

    /** Enter/Space/double-click: fit becomes 100 %, anything else goes back to fit. */
    public Zoom toggled() {
        return fit ? actualSize() : toFit();
    }

    /** "Fit (42 %)" or "150 %". */
    public String label(double shown) {
        String percent = String.format(Locale.ROOT, "%.0f %%", shown * 100);
        return fit ? "Fit (" + percent + ")" : percent;
    }
}
