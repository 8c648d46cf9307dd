package io.atelier.imaging.hash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * Groups perceptual hashes whose Hamming distance is at most a threshold, transitively (A~B and B~C put A, B, C in
 * one group). Pairs are found with multi-index hashing: the 64 bits are split into six chunks of 10–11 bits, each
 * indexed in its own table. Chunk i is probed within radius r_i, with Σ(r_i + 1) = t + 1: if two hashes differed by
 * more than r_i on every chunk they would differ by at least t + 1 in all (generalised pigeonhole), so probing finds
 * every pair. Six chunks balance probes (few, small radii) against candidates (few hashes per key); the textbook
 * four 16-bit chunks with radius ⌊t/4⌋ probe 2,788 keys per hash at t = 12 and lose to a plain scan.
 */
public final class NearDuplicateFinder {

    /**
     * Measured on 24 synthetic photos (NearDuplicateFinderTest): edited copies (half size, JPEG q50, 5% border crop,
     * +15% brightness with a hue/saturation shift) stay within 10 bits of their original, different photos are at
     * least 20 apart. 12 keeps a 2-bit margin for the copies and 8 bits for the distinct ones, the side where a
     * mistake would merge two real training images.
     */
    public static final int DEFAULT_THRESHOLD = 12;

    private static final int[] CHUNK_BITS = {11, 11, 11, 11, 10, 10};
    private static final int[] CHUNK_SHIFT = {0, 11, 22, 33, 44, 54};
    private static final int CHUNKS = CHUNK_BITS.length;

    private final int threshold;
    private final int[][] probeMasks; // per chunk: every key mask within that chunk's radius; empty = not probed

    public NearDuplicateFinder() {
        this(DEFAULT_THRESHOLD);
    }

    public NearDuplicateFinder(int threshold) {
        if (threshold < 0 || threshold > 64) {
            throw new IllegalArgumentException("threshold must be 0..64, got " + threshold);
        }
        this.threshold = threshold;
        this.probeMasks = new int[CHUNKS][];
        for (int c = 0; c < CHUNKS; c++) {
            // share t + 1 units out evenly, the larger shares first; radius = share − 1 (−1: chunk not needed)
            int share = (threshold + 1) / CHUNKS + (c < (threshold + 1) % CHUNKS ? 1 : 0);
            int radius = share - 1;
            probeMasks[c] = IntStream.range(0, 1 << CHUNK_BITS[c])
                    .filter(m -> Integer.bitCount(m) <= radius).toArray();
        }
    }

    public int threshold() {
        return threshold;
    }

    /**
     * Groups of two or more indices into {@code hashes}; each group ascending, groups ordered by their first index.
     * Images without a near duplicate appear in no group.
     */
    public List<List<Integer>> groups(long[] hashes) {
        int n = hashes.length;
        UnionFind sets = new UnionFind(n);
        ChunkIndex[] index = new ChunkIndex[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            index[c] = new ChunkIndex(hashes, c);
        }
        for (int i = 0; i < n; i++) {
            long h = hashes[i];
            for (int c = 0; c < CHUNKS; c++) {
                int key = chunk(h, c);
                ChunkIndex table = index[c];
                for (int mask : probeMasks[c]) {
                    int probe = key ^ mask;
                    for (int p = table.start[probe], end = table.start[probe + 1]; p < end; p++) {
                        // hashes are stored beside their ids so the distance check reads contiguous memory;
                        // a pair found through several chunks is merely united again
                        if (Long.bitCount(h ^ table.hashes[p]) <= threshold && table.ids[p] > i) {
                            sets.union(i, table.ids[p]);
                        }
                    }
                }
            }
        }
        return collect(sets, n);
    }

    /** Groups of items by their hashes, same order rules as {@link #groups(long[])}. */
    public <T> List<List<T>> groups(List<T> items, ToLongFunction<? super T> hash) {
        long[] hashes = items.stream().mapToLong(hash).toArray();
        List<List<T>> out = new ArrayList<>();
        for (List<Integer> group : groups(hashes)) {
            out.add(group.stream().map(items::get).toList());
        }
        return out;
    }

    static List<List<Integer>> collect(UnionFind sets, int n) {
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (sets.size(i) > 1) {
                byRoot.computeIfAbsent(sets.find(i), r -> new ArrayList<>()).add(i);
            }
        }
        List<List<Integer>> groups = new ArrayList<>(byRoot.values());
        groups.sort(Comparator.comparing(g -> g.get(0)));
        return groups;
    }

    private static int chunk(long hash, int c) {
        return (int) (hash >>> CHUNK_SHIFT[c]) & ((1 << CHUNK_BITS[c]) - 1);
    }

    /** Hashes and their indices sorted by one chunk's value (counting sort): key k owns slots start[k] .. start[k+1]. */
    private static final class ChunkIndex {
        final int[] start;
        final int[] ids;
        final long[] hashes;

        ChunkIndex(long[] hashes, int c) {
            int keys = 1 << CHUNK_BITS[c];
            start = new int[keys + 1];
            for (long h : hashes) {
                start[chunk(h, c) + 1]++;
            }
            for (int k = 0; k < keys; k++) {
                start[k + 1] += start[k];
            }
            ids = new int[hashes.length];
            this.hashes = new long[hashes.length];
            int[] fill = Arrays.copyOf(start, keys);
            for (int i = 0; i < hashes.length; i++) {
                int slot = fill[chunk(hashes[i], c)]++;
                ids[slot] = i;
                this.hashes[slot] = hashes[i];
            }
        }
    }
}
