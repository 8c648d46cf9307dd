package io.atelier.imaging.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class NearDuplicateFinderTest {

    private static final int PHOTOS = 24;
    private static final List<UnaryOperator<BufferedImage>> EDITS = List.of(
            SyntheticPhotos::halfSize,
            img -> SyntheticPhotos.jpegRecompressed(img, 0.5f),
            img -> SyntheticPhotos.cropBorder(img, 0.025), // a 5% border in all: 2.5% off each side
            img -> SyntheticPhotos.colourAdjusted(img, 0.15, 0.02f, 0.9f));

    /**
     * The evidence for DEFAULT_THRESHOLD: every edited copy must stay within it of its original and every pair of
     * different photos must stay above it. The measured extremes are printed and asserted with margins (2 bits for
     * copies, 6 for distinct photos), so the threshold is not a knife-edge choice.
     */
    @Test
    void groupsEveryPhotoWithItsEditedCopiesAndNeverTwoPhotos() {
        long[] hashes = new long[PHOTOS * (1 + EDITS.size())];
        int maxCopyDistance = 0;
        for (int p = 0; p < PHOTOS; p++) {
            BufferedImage photo = p % 3 == 0
                    ? SyntheticPhotos.photo(1000 + p, 480, 640)
                    : SyntheticPhotos.photo(1000 + p, 640, 480);
            int base = p * (1 + EDITS.size());
            hashes[base] = PerceptualHash.of(photo);
            for (int e = 0; e < EDITS.size(); e++) {
                hashes[base + 1 + e] = PerceptualHash.of(EDITS.get(e).apply(photo));
                maxCopyDistance = Math.max(maxCopyDistance, PerceptualHash.distance(hashes[base], hashes[base + 1 + e]));
            }
        }
        int minPhotoDistance = 64;
        for (int a = 0; a < PHOTOS; a++) {
            for (int b = a + 1; b < PHOTOS; b++) {
                minPhotoDistance = Math.min(minPhotoDistance,
                        PerceptualHash.distance(hashes[a * (1 + EDITS.size())], hashes[b * (1 + EDITS.size())]));
            }
        }
        System.out.printf("pHash: max distance original→edited copy %d, min distance between different photos %d%n",
                maxCopyDistance, minPhotoDistance);

        List<List<Integer>> groups = new NearDuplicateFinder().groups(hashes);

        List<List<Integer>> expected = new ArrayList<>();
        for (int p = 0; p < PHOTOS; p++) {
            int base = p * (1 + EDITS.size());
            expected.add(List.of(base, base + 1, base + 2, base + 3, base + 4));
        }
        assertThat(groups).isEqualTo(expected);
        assertThat(maxCopyDistance).isLessThanOrEqualTo(NearDuplicateFinder.DEFAULT_THRESHOLD - 2);
        assertThat(minPhotoDistance).isGreaterThanOrEqualTo(NearDuplicateFinder.DEFAULT_THRESHOLD + 6);
    }

    @Test
    void findsExactlyThePairsAnAllPairsScanFindsAtEveryThreshold() {
        Random rnd = new Random(42);
        long[] hashes = new long[3000];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = i % 3 == 2 ? flipBits(hashes[i - 1 - rnd.nextInt(2)], rnd.nextInt(14), rnd) : rnd.nextLong();
        }
        for (int t : new int[] {0, 1, 3, 4, 7, 10, 12, 13}) {
            assertThat(new NearDuplicateFinder(t).groups(hashes)).as("threshold %d", t).isEqualTo(allPairs(hashes, t));
        }
    }

    @Test
    void transitivePairsFormOneGroup() {
        long a = 0L;
        long b = a ^ 0x3FFL;          // 10 bits from a
        long c = b ^ (0x3FFL << 20);  // 10 bits from b, 20 from a
        long lone = 0x5555_5555_5555_5555L;

        assertThat(new NearDuplicateFinder(10).groups(new long[] {c, lone, a, b})).containsExactly(List.of(0, 2, 3));
    }

    @Test
    void groupsItemsOfAnyType() {
        List<String> names = List.of("a.png", "b.png", "c.png");
        long[] hashes = {7L, 0x00FF_00FF_00FF_00FFL, 6L};

        assertThat(new NearDuplicateFinder().groups(names, n -> hashes[names.indexOf(n)]))
                .containsExactly(List.of("a.png", "c.png"));
    }

    static long flipBits(long hash, int bits, Random rnd) {
        long out = hash;
        while (Long.bitCount(out ^ hash) < bits) {
            out ^= 1L << rnd.nextInt(64);
        }
        return out;
    }

    /** The O(n²) reference. */
    static List<List<Integer>> allPairs(long[] hashes, int threshold) {
        UnionFind sets = new UnionFind(hashes.length);
        for (int i = 0; i < hashes.length; i++) {
            for (int j = i + 1; j < hashes.length; j++) {
                if (Long.bitCount(hashes[i] ^ hashes[j]) <= threshold) {
                    sets.union(i, j);
                }
            }
        }
        return NearDuplicateFinder.collect(sets, hashes.length);
    }
}
