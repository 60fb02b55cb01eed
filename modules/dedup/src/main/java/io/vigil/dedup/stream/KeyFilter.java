package io.vigil.dedup.stream;

import java.util.Arrays;

/**
 * A Bloom filter over 64-bit keys that are hashes already (LSH buckets): says for certain that a
 * key was never added, or that it may have been. Blocked: the bits of a key lie in one 64-bit word,
 * so a look-up touches one cache line. At 10 bits per key some 1-2 % of absent keys pass. Keys
 * cannot be removed; the owner refills it from its store when many were added. Not thread-safe.
 */
final class KeyFilter {

    /** Bits set per key. */
    private static final int PROBES = 6;

    private static final int BITS_PER_KEY = 10;

    private final long[] words;
    private final int mask;
    private long added;

    /**
     * @param bytes memory for the bits, rounded down to a power of two (8 bytes to 1 GB)
     */
    KeyFilter(long bytes) {
        int n = (int) Long.highestOneBit(Math.max(1, Math.min(bytes / 8, 1L << 27)));
        this.words = new long[n];
        this.mask = n - 1;
    }

    /** How many keys it holds before it passes more than some 2 % of absent keys. */
    long capacity() {
        return (long) words.length * 64 / BITS_PER_KEY;
    }

    /** How many keys were added since it was made or cleared. */
    long added() {
        return added;
    }

    void add(long key) {
        long h = spread(key);
        words[(int) h & mask] |= pattern(h);
        added++;
    }

    /** False when {@code key} was certainly never added since the last {@link #clear()}. */
    boolean mightContain(long key) {
        long h = spread(key);
        long p = pattern(h);
        return (words[(int) h & mask] & p) == p;
    }

    void clear() {
        Arrays.fill(words, 0L);
        added = 0;
    }

    /** The bits of a key within its word: six 6-bit fields of the hash's upper 36 bits. */
    private static long pattern(long h) {
        long p = 0;
        long bits = h >>> 28;
        for (int i = 0; i < PROBES; i++) {
            p |= 1L << (bits & 63);
            bits >>>= 6;
        }
        return p;
    }

    /** Bucket keys are hashes already; one more mix guards against keys that are not. */
    private static long spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }
}
