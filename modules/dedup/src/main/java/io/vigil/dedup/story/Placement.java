package io.vigil.dedup.story;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleAccepted.Outcome;
import io.vigil.core.event.ArticleFetched;
import java.util.List;
import java.util.Objects;

/**
 * Where the {@link Deduplicator} placed an article: the story fields of its {@link
 * ArticleAccepted}, without the article.
 *
 * @param articleId the canonical article id
 * @param outcome how it relates to what was seen before
 * @param storyId its story
 * @param duplicateOf the member it matched best, or null for a representative
 * @param similarity its similarity to {@code duplicateOf}; 1.0 for a representative
 * @param representative the story's first-seen member
 * @param members how many distinct articles the story has
 * @param outlets the outlets that carried the story, in order of first appearance
 */
public record Placement(
        String articleId,
        Outcome outcome,
        String storyId,
        String duplicateOf,
        double similarity,
        String representative,
        int members,
        List<String> outlets) {

    public Placement {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(representative, "representative");
        outlets = List.copyOf(outlets);
    }

    /** The record published for {@code article} placed here. */
    public ArticleAccepted accepted(ArticleFetched article) {
        return new ArticleAccepted(
                ArticleAccepted.SCHEMA,
                articleId,
                article,
                outcome,
                storyId,
                duplicateOf,
                similarity,
                representative,
                members,
                outlets);
    }
}
