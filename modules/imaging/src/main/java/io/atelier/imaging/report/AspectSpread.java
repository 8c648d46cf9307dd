package io.atelier.imaging.report;

/** The narrowest and the widest image of the dataset by width / height. */
public record AspectSpread(double min, String minFile, double max, String maxFile) {

    /** max / min: 1 when every image has the same shape. */
    public double ratio() {
        return max / min;
    }
}
