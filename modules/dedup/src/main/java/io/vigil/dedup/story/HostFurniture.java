package io.vigil.dedup.story;

import java.util.Arrays;

/**
 * The leading and trailing paragraphs seen at one host, by hash, with how many of its articles had
 * each and when one last did: the host's page furniture recurs, its news does not. Bounded: past
 * {@code capacity} paragraphs, those seen once are forgotten first, oldest first. Mutable; one per
 * host and record.
 */
public final class HostFurniture {

    private long[] hashes;
    private int[] counts;
    private long[] seenAt;
    private int size;

    public HostFurniture() {
        this(new long[0], new int[0], new long[0]);
    }

    /** From stored arrays of equal length (taken over, not copied). */
    public HostFurniture(long[] hashes, int[] counts, long[] seenAt) {
        if (hashes.length != counts.length || hashes.length != seenAt.length) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        this.hashes = hashes;
        this.counts = counts;
        this.seenAt = seenAt;
        this.size = hashes.length;
    }

    public int size() {
        return size;
    }

    public long hash(int i) {
        return hashes[i];
    }

    public int count(int i) {
        return counts[i];
    }

    public long seenAt(int i) {
        return seenAt[i];
    }

    /** When a paragraph was last seen here, or {@link Long#MIN_VALUE} when none was. */
    public long newest() {
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            newest = Math.max(newest, seenAt[i]);
        }
        return newest;
    }

    /** How many articles had the paragraph since {@code notBefore}. */
    int count(long hash, long notBefore) {
        int i = indexOf(hash);
        return i < 0 || seenAt[i] < notBefore ? 0 : counts[i];
    }

    /** One more article had the paragraph. */
    void see(long hash, long now, long notBefore) {
        int i = indexOf(hash);
        if (i >= 0) {
            counts[i] = seenAt[i] < notBefore ? 1 : counts[i] + 1;
            seenAt[i] = now;
            return;
        }
        if (size == hashes.length) {
            int grown = Math.max(16, size * 2);
            hashes = Arrays.copyOf(hashes, grown);
            counts = Arrays.copyOf(counts, grown);
            seenAt = Arrays.copyOf(seenAt, grown);
        }
        hashes[size] = hash;
        counts[size] = 1;
        seenAt[size] = now;
        size++;
    }

    /** Drops expired paragraphs, then those seen once (oldest first) while over capacity. */
    void prune(long notBefore, int capacity) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (seenAt[i] >= notBefore) {
                move(i, n++);
            }
        }
        size = n;
        while (size > capacity) {
            int victim = -1;
            for (int i = 0; i < size; i++) {
                if (victim < 0
                        || counts[i] < counts[victim]
                        || (counts[i] == counts[victim] && seenAt[i] < seenAt[victim])) {
                    victim = i;
                }
            }
            move(size - 1, victim);
            size--;
        }
    }

    private void move(int from, int to) {
        hashes[to] = hashes[from];
        counts[to] = counts[from];
        seenAt[to] = seenAt[from];
    }

    private int indexOf(long hash) {
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash) {
                return i;
            }
        }
        return -1;
    }
}
