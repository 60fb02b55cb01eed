package io.vigil.dedup.stream;

import io.vigil.core.event.ArticleFetched;
import io.vigil.dedup.fingerprint.Signature;
import io.vigil.dedup.story.Fingerprint;
import java.util.Objects;

/**
 * An article with its fingerprint, on the stage's internal single-partition topic (JSON). Internal
 * to the stage: no other stage reads it, so it lives here and not in core.
 *
 * @param articleId the canonical article id
 * @param article the article
 * @param signature its MinHash slots
 * @param shingles its distinct shingle count
 * @param buckets its LSH and anchor buckets
 */
record Fingerprinted(
        String articleId, ArticleFetched article, int[] signature, int shingles, long[] buckets) {

    Fingerprinted {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(signature, "signature");
        buckets = buckets == null ? new long[0] : buckets;
    }

    static Fingerprinted of(String articleId, ArticleFetched article, Fingerprint f) {
        return new Fingerprinted(
                articleId, article, f.signature().toArray(), f.shingles(), f.buckets());
    }

    Fingerprint fingerprint() {
        return new Fingerprint(new Signature(signature), shingles, buckets);
    }
}
