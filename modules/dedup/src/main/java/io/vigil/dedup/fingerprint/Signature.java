package io.vigil.dedup.fingerprint;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A MinHash signature: one 32-bit minimum per hash function. Immutable. */
public final class Signature {

    private final int[] slots;

    /** Takes a copy of {@code slots}. */
    public Signature(int[] slots) {
        this.slots = slots.clone();
    }

    /** A copy of the slots. */
    public int[] toArray() {
        return slots.clone();
    }

    public int size() {
        return slots.length;
    }

    /** How many slots are equal in both signatures (they must have the same size). */
    public int equalSlots(Signature other) {
        if (other.slots.length != slots.length) {
            throw new IllegalArgumentException(
                    "signatures of " + slots.length + " and " + other.slots.length + " slots");
        }
        int equal = 0;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == other.slots[i]) {
                equal++;
            }
        }
        return equal;
    }

    /** Estimated Jaccard similarity of the two sets. */
    public double jaccard(Signature other) {
        return (double) equalSlots(other) / slots.length;
    }

    /**
     * The LSH bucket of band {@code band} (slots {@code band·rows} to {@code band·rows + rows -
     * 1}): articles that share a bucket in any band are candidates.
     */
    public long bucket(int band, int rows) {
        long h = 0x9E3779B97F4A7C15L * (band + 1);
        int from = band * rows;
        for (int i = from; i < from + rows; i++) {
            h = Long.rotateLeft((h ^ (slots[i] & 0xFFFF_FFFFL)) * 0xbf58476d1ce4e5b9L, 27);
        }
        return Shingler.mix(h);
    }

    public void writeTo(ByteBuffer buffer) {
        for (int slot : slots) {
            buffer.putInt(slot);
        }
    }

    public static Signature readFrom(ByteBuffer buffer, int size) {
        int[] slots = new int[size];
        for (int i = 0; i < size; i++) {
            slots[i] = buffer.getInt();
        }
        return new Signature(slots);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && Arrays.equals(slots, s.slots);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(slots);
    }
}
