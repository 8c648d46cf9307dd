package io.atelier.imaging.hash;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Grouping 10,000 random fingerprints plus 1,000 planted near duplicates: the multi-index finder against the naive
 * all-pairs scan a user's script would do, in one run, as a ratio. Run with
 * {@code java -cp target/classes:target/test-classes io.atelier.imaging.hash.NearDuplicateBenchmark}.
 */
public final class NearDuplicateBenchmark {

    private static final int RANDOM = 10_000;
    private static final int PLANTED = 1_000;
    private static final int RUNS = 5;

    public static void main(String[] args) {
        Random rnd = new Random(2024);
        long[] hashes = new long[RANDOM + PLANTED];
        for (int i = 0; i < RANDOM; i++) {
            hashes[i] = rnd.nextLong();
        }
        for (int i = RANDOM; i < hashes.length; i++) {
            long base = hashes[rnd.nextInt(RANDOM)];
            hashes[i] = NearDuplicateFinderTest.flipBits(base, 1 + rnd.nextInt(NearDuplicateFinder.DEFAULT_THRESHOLD),
                    rnd);
        }
        NearDuplicateFinder finder = new NearDuplicateFinder();
        int t = finder.threshold();

        // warm-up so both sides are JIT-compiled before timing
        for (int i = 0; i < 3; i++) {
            finder.groups(hashes);
            NearDuplicateFinderTest.allPairs(hashes, t);
        }
        Timed<List<List<Integer>>> indexed = median(() -> finder.groups(hashes));
        Timed<List<List<Integer>>> naive = median(() -> NearDuplicateFinderTest.allPairs(hashes, t));

        if (!indexed.result.equals(naive.result)) {
            throw new AssertionError("multi-index and all-pairs groupings differ");
        }
        System.out.printf("%d fingerprints (%d planted near duplicates), threshold %d: %d groups%n",
                hashes.length, PLANTED, t, indexed.result.size());
        System.out.printf("multi-index hashing: %.2f ms (median of %d)%n", indexed.millis, RUNS);
        System.out.printf("naive all-pairs:     %.2f ms (median of %d)%n", naive.millis, RUNS);
        System.out.printf("speed-up: %.1fx%n", naive.millis / indexed.millis);
        if (indexed.millis >= 1000) {
            throw new AssertionError("grouping took " + indexed.millis + " ms, budget is 1 s");
        }
    }

    private record Timed<T>(T result, double millis) {
    }

    private static <T> Timed<T> median(Supplier<T> work) {
        double[] times = new double[RUNS];
        T result = null;
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            result = work.get();
            times[r] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return new Timed<>(result, times[RUNS / 2]);
    }
}
