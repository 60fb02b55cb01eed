package io.vigil.core.event;

import java.util.List;
import java.util.Objects;

/**
 * An article past deduplication, with the story it belongs to. Published to {@code
 * Topics.articlesAccepted()} keyed by {@link #articleId()}. A story groups the copies of one piece
 * of journalism (syndicated wire copies, republications with other page furniture, truncated leads,
 * lightly edited versions); its id is the article id of its first-seen member, its representative.
 *
 * <p>The story fields are a snapshot as known when this article was accepted: a later copy carries
 * a larger member count and a longer list of outlets.
 *
 * @param schema record version of this type
 * @param articleId stable article id: {@code ArticleIds.of(canonicalUrl)}
 * @param article the article as fetched (the newest fetch when it was fetched again)
 * @param outcome how this article relates to what was seen before
 * @param storyId the story's id: the article id of its representative
 * @param duplicateOf the article id of the member this article matched best, or null for a
 *     representative
 * @param similarity how similar this article is to {@code duplicateOf}, from 0 to 1 (containment or
 *     Jaccard, whichever decided the match); 1.0 for a representative
 * @param storyRepresentative the article id of the story's first-seen member
 * @param storyMembers how many distinct articles the story has, this one included
 * @param storyOutlets the outlets (site names, else host names) that carried the story, in order of
 *     first appearance
 */
public record ArticleAccepted(
        int schema,
        String articleId,
        ArticleFetched article,
        Outcome outcome,
        String storyId,
        String duplicateOf,
        double similarity,
        String storyRepresentative,
        int storyMembers,
        List<String> storyOutlets) {

    public static final int SCHEMA = 1;

    public ArticleAccepted {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(storyRepresentative, "storyRepresentative");
        storyOutlets = storyOutlets == null ? List.of() : List.copyOf(storyOutlets);
        if (similarity < 0 || similarity > 1) {
            throw new IllegalArgumentException("similarity out of [0, 1]: " + similarity);
        }
    }

    /** How an accepted article relates to the articles seen before it. */
    public enum Outcome {
        /** Not like anything seen within the horizon: it starts a story and represents it. */
        NEW_STORY,
        /** A copy of, or close to, an earlier article: it joins that article's story. */
        DUPLICATE,
        /** The same article (same canonical URL) fetched again: it keeps its story. */
        REFETCHED
    }
}
