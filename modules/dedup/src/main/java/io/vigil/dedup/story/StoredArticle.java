package io.vigil.dedup.story;

import io.vigil.dedup.fingerprint.Signature;
import java.util.Objects;

/**
 * What the stage remembers of an accepted article within the horizon.
 *
 * @param storyId the story it belongs to
 * @param duplicateOf the member it matched, or null for a representative
 * @param similarity its similarity to {@code duplicateOf}, 1.0 for a representative
 * @param host the outlet host (lower case, without {@code www.})
 * @param fetchedAt when its newest fetch happened, epoch milliseconds
 * @param seenAt when the stage last saw it, epoch milliseconds (drives expiry)
 * @param shingles how many distinct shingles its text has after page furniture was stripped
 * @param signature its MinHash signature
 */
public record StoredArticle(
        String storyId,
        String duplicateOf,
        double similarity,
        String host,
        long fetchedAt,
        long seenAt,
        int shingles,
        Signature signature) {

    public StoredArticle {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(signature, "signature");
    }

    StoredArticle refetched(long newFetchedAt, long now) {
        return new StoredArticle(
                storyId, duplicateOf, similarity, host, newFetchedAt, now, shingles, signature);
    }
}
