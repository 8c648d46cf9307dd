package io.atelier.gallery.grid;

/** The full view's zoom: fit to the window, or a step on a ladder from 1/8 to 8×, so in and out retrace each other. */
public final class Zoom {

    public static final double MIN = 0.125;
    public static final double MAX = 8;
    private static final double STEP = Math.sqrt(2);

    private Zoom() {
    }

    /** The scale that shows the whole image in the view (small samples are enlarged to fill it). */
    public static double fit(int imageWidth, int imageHeight, int viewWidth, int viewHeight) {
        if (imageWidth <= 0 || imageHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            return 1;
        }
        double f = Math.min((double) viewWidth / imageWidth, (double) viewHeight / imageHeight);
        return clamp(f);
    }

    /** One step in (positive) or out (negative) from {@code scale}, landing on the ladder 2^(k/2). */
    public static double step(double scale, int steps) {
        double k = Math.log(scale) / Math.log(STEP);
        double next = steps > 0 ? Math.floor(k + 1e-9) + steps : Math.ceil(k - 1e-9) + steps;
        return clamp(Math.pow(STEP, next));
    }

    private static double clamp(double s) {
        return Math.max(MIN, Math.min(MAX, s));
    }
}
