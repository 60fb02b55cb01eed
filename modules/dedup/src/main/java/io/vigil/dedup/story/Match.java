package io.vigil.dedup.story;

/**
 * How a new article compares to a stored one.
 *
 * @param articleId the stored article
 * @param stored what is stored of it
 * @param jaccard estimated Jaccard similarity of the two shingle sets
 * @param containment estimated share of the smaller set found in the larger one
 * @param similarity the measure that decided: Jaccard, or containment when that matched
 */
record Match(
        String articleId,
        StoredArticle stored,
        double jaccard,
        double containment,
        double similarity) {

    /**
     * Compares signatures. The intersection is estimated from the Jaccard estimate J and the set
     * sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
     *
     * @return the match, or null when the two are not one story
     */
    static Match of(
            String articleId,
            StoredArticle stored,
            int equalSlots,
            int slots,
            int shingles,
            double jaccardThreshold,
            double containmentThreshold,
            int minMatchingSlots) {
        double jaccard = (double) equalSlots / slots;
        double intersection = jaccard * (shingles + stored.shingles()) / (1 + jaccard);
        double containment =
                Math.min(1.0, intersection / Math.max(1, Math.min(shingles, stored.shingles())));
        if (jaccard >= jaccardThreshold) {
            return new Match(articleId, stored, jaccard, containment, jaccard);
        }
        if (containment >= containmentThreshold && equalSlots >= minMatchingSlots) {
            return new Match(articleId, stored, jaccard, containment, containment);
        }
        return null;
    }

    /** Whether this match is better than {@code other} (null is worse than anything). */
    boolean betterThan(Match other) {
        if (other == null) {
            return true;
        }
        if (similarity != other.similarity) {
            return similarity > other.similarity;
        }
        return jaccard > other.jaccard;
    }
}
