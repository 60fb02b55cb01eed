package io.vigil.dedup.story;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleAccepted.Outcome;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.url.ArticleIds;
import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.fingerprint.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for each fetched article, which story it belongs to: the same canonical URL is the same
 * article (a newer fetch updates it, an older one is ignored); otherwise its buckets (from the
 * {@link Fingerprinter}) are looked up and compared with every candidate, and the best candidate
 * that is similar enough (by Jaccard, or by containment for leads and copies with extra furniture)
 * gives its story. With none, the article starts a story of its own.
 *
 * <p>Pure logic over a {@link DedupState}; not thread-safe (the stage runs it on one stream task).
 */
public final class Deduplicator {

    private static final Logger LOG = LoggerFactory.getLogger(Deduplicator.class);

    /** From this Jaccard similarity on, a copy is not indexed: its match stands for it. */
    private static final double NEAR_EXACT = 0.9;

    /** A match this similar ends the search. */
    private static final double GOOD_ENOUGH = 0.95;

    private final DedupProperties settings;
    private final DedupState state;
    private final long horizonMillis;

    public Deduplicator(DedupProperties settings, DedupState state) {
        this.settings = settings;
        this.state = state;
        this.horizonMillis = settings.horizon().toMillis();
    }

    /**
     * Accepts an article seen at {@code now} (epoch milliseconds), fingerprinted by a {@link
     * Fingerprinter}.
     *
     * @return what to publish, or null when an older fetch of an already accepted article came late
     *     (the newer fetch stands)
     */
    public ArticleAccepted accept(ArticleFetched article, Fingerprint fingerprint, long now) {
        String articleId = ArticleIds.of(article.canonicalUrl());
        long notBefore = now - horizonMillis;
        long fetchedAt = article.fetch().fetchedAt().toEpochMilli();
        StoredArticle known = state.article(articleId, notBefore);
        if (known != null) {
            return refetched(articleId, article, known, fetchedAt, now, notBefore);
        }
        String host = Fingerprinter.host(article.canonicalUrl());
        Signature signature = fingerprint.signature();
        long[] buckets = fingerprint.buckets();
        Match best =
                fingerprint.comparable()
                        ? bestMatch(
                                articleId, signature, fingerprint.shingles(), buckets, notBefore)
                        : null;

        String storyId = best == null ? articleId : best.stored().storyId();
        StoredStory story = best == null ? null : state.story(storyId, notBefore);
        if (story == null) {
            story = new StoredStory(storyId, 0, List.of(), now);
        }
        story = story.with(outlet(article, host), now, settings.maxOutlets());
        StoredArticle stored =
                new StoredArticle(
                        storyId,
                        best == null ? null : best.articleId(),
                        best == null ? 1.0 : best.similarity(),
                        host,
                        fetchedAt,
                        now,
                        fingerprint.shingles(),
                        signature);
        state.putArticle(articleId, stored);
        state.putStory(storyId, story);
        if (best == null || best.jaccard() < NEAR_EXACT) {
            // a near-exact copy adds nothing to the index: the member it matched stands for it
            state.addToBuckets(buckets, articleId, now, settings.bucketCapacity(), notBefore);
        }
        if (best != null && LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} joins story {} via {} (jaccard {}, containment {})",
                    articleId,
                    storyId,
                    best.articleId(),
                    best.jaccard(),
                    best.containment());
        }
        return accepted(
                articleId,
                article,
                best == null ? Outcome.NEW_STORY : Outcome.DUPLICATE,
                stored,
                story);
    }

    private Match bestMatch(
            String articleId, Signature signature, int shingles, long[] buckets, long notBefore) {
        Map<String, Integer> collisions = new HashMap<>();
        for (long bucket : buckets) {
            for (String id : state.bucket(bucket, notBefore)) {
                collisions.merge(id, 1, Integer::sum);
            }
        }
        collisions.remove(articleId);
        List<Map.Entry<String, Integer>> candidates = new ArrayList<>(collisions.entrySet());
        candidates.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        if (candidates.size() > settings.maxCandidates()) {
            candidates = candidates.subList(0, settings.maxCandidates());
        }
        Match best = null;
        for (Map.Entry<String, Integer> entry : candidates) {
            String candidate = entry.getKey();
            StoredArticle stored = state.article(candidate, notBefore);
            if (stored == null) {
                continue;
            }
            Match match =
                    Match.of(
                            candidate,
                            stored,
                            signature.equalSlots(stored.signature()),
                            signature.size(),
                            shingles,
                            settings.jaccardThreshold(),
                            settings.containmentThreshold(),
                            settings.minMatchingSlots());
            if (match != null && match.betterThan(best)) {
                best = match;
                if (best.similarity() >= GOOD_ENOUGH) {
                    break; // candidates come most colliding first: a near-copy will not be beaten
                }
            }
        }
        return best;
    }

    private ArticleAccepted refetched(
            String articleId,
            ArticleFetched article,
            StoredArticle known,
            long fetchedAt,
            long now,
            long notBefore) {
        if (fetchedAt < known.fetchedAt()) {
            LOG.debug("{}: an older fetch came late; the newer one stands", articleId);
            return null;
        }
        StoredArticle updated = known.refetched(fetchedAt, now);
        state.putArticle(articleId, updated);
        StoredStory story = state.story(known.storyId(), notBefore);
        if (story == null) {
            story =
                    new StoredStory(
                            known.storyId(), 1, List.of(outlet(article, known.host())), now);
        }
        return accepted(articleId, article, Outcome.REFETCHED, updated, story);
    }

    private static ArticleAccepted accepted(
            String articleId,
            ArticleFetched article,
            Outcome outcome,
            StoredArticle stored,
            StoredStory story) {
        return new ArticleAccepted(
                ArticleAccepted.SCHEMA,
                articleId,
                article,
                outcome,
                stored.storyId(),
                stored.duplicateOf(),
                stored.similarity(),
                story.representative(),
                story.members(),
                story.outlets());
    }

    private static String outlet(ArticleFetched article, String host) {
        return article.siteName() == null || article.siteName().isBlank()
                ? host
                : article.siteName().strip();
    }
}
