package io.vigil.dedup.story;

import io.vigil.dedup.fingerprint.Signature;
import java.util.Objects;

/**
 * What the {@link Deduplicator} needs of an article's text.
 *
 * @param signature MinHash signature of its shingles (page furniture stripped)
 * @param shingles how many distinct shingles it has
 * @param buckets its LSH band buckets and anchor buckets; empty when the text is too short to
 *     compare
 */
public record Fingerprint(Signature signature, int shingles, long[] buckets) {

    public Fingerprint {
        Objects.requireNonNull(signature, "signature");
        buckets = buckets.clone();
    }

    /** Whether the text is long enough to be compared with others. */
    public boolean comparable() {
        return buckets.length > 0;
    }

    @Override
    public long[] buckets() {
        return buckets.clone();
    }
}
