package io.atelier.core.buckets;

import java.util.Comparator;

/**
 * One training resolution. Ordered by width, then height, the order of sd-scripts' sorted bucket list; the
 * order matters because ties on aspect error go to the first bucket in it.
 */
public record Bucket(int width, int height) implements Comparable<Bucket> {

    private static final Comparator<Bucket> ORDER =
            Comparator.comparingInt(Bucket::width).thenComparingInt(Bucket::height);

    public Bucket {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bucket size must be positive, got " + width + "x" + height);
        }
    }

    public double aspect() {
        return (double) width / height;
    }

    @Override
    public int compareTo(Bucket other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return "(" + width + ", " + height + ")";
    }
}
