package io.vigil.dedup.fingerprint;

import java.util.SplittableRandom;

/**
 * MinHash signatures of shingle sets: for each of {@code hashes} universal hash functions {@code
 * h(x) = (a·x + b) >>> 32} (multiply-shift over 64 bits, a odd), the minimum over the set. The
 * share of equal slots of two signatures estimates the Jaccard similarity of the two sets.
 *
 * <p>The functions come from a fixed seed: signatures stored yesterday compare with today's.
 */
public final class MinHasher {

    private static final long SEED = 0x5eed_d0d0_c0deL;

    private final long[] a;
    private final long[] b;

    public MinHasher(int hashes) {
        if (hashes < 1) {
            throw new IllegalArgumentException("need at least one hash function: " + hashes);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        a = new long[hashes];
        b = new long[hashes];
        for (int i = 0; i < hashes; i++) {
            a[i] = random.nextLong() | 1L;
            b[i] = random.nextLong();
        }
    }

    public int hashes() {
        return a.length;
    }

    /** The signature of a set of shingle hashes; an empty set gets all slots at the maximum. */
    public Signature sign(long[] shingles) {
        int k = a.length;
        long[] min = new long[k];
        java.util.Arrays.fill(min, 0xFFFF_FFFFL);
        for (long x : shingles) {
            for (int i = 0; i < k; i++) {
                long v = (a[i] * x + b[i]) >>> 32;
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        int[] slots = new int[k];
        for (int i = 0; i < k; i++) {
            slots[i] = (int) min[i];
        }
        return new Signature(slots);
    }
}
