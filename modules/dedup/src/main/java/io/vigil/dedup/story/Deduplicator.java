package io.vigil.dedup.story;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleAccepted.Outcome;
import io.vigil.core.event.ArticleFetched;
import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.fingerprint.Signature;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>What goes into the buckets: a new story's first article, into all of its buckets; a copy that
 * joins a story, only into the buckets where no member of that story it saw is yet (none at all
 * when it is a near-exact copy): later copies find the story through the member already there, and
 * the buckets of a story carried by many outlets stay short.
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
        Placement placement = place(Arrival.of(article), fingerprint, now);
        return placement == null ? null : placement.accepted(article);
    }

    /**
     * Places an arriving article seen at {@code now} (epoch milliseconds), fingerprinted by a
     * {@link Fingerprinter}, in a story.
     *
     * @return where it goes, or null when an older fetch of an already accepted article came late
     *     (the newer fetch stands)
     */
    public Placement place(Arrival arrival, Fingerprint fingerprint, long now) {
        String articleId = arrival.articleId();
        long notBefore = now - horizonMillis;
        long fetchedAt = arrival.fetchedAt();
        StoredArticle known = state.article(articleId, notBefore);
        if (known != null) {
            return refetched(arrival, known, now, notBefore);
        }
        String host = arrival.host();
        Signature signature = fingerprint.signature();
        long[] buckets = fingerprint.buckets();
        Candidates candidates = new Candidates(buckets.length);
        Match best =
                fingerprint.comparable()
                        ? bestMatch(
                                articleId,
                                signature,
                                fingerprint.shingles(),
                                buckets,
                                notBefore,
                                candidates)
                        : null;

        String storyId = best == null ? articleId : best.stored().storyId();
        StoredStory story = best == null ? null : state.story(storyId, notBefore);
        if (story == null) {
            story = new StoredStory(storyId, 0, List.of(), now);
        }
        story = story.with(arrival.outlet(), now, settings.maxOutlets());
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
        if (best == null) {
            state.addToBuckets(buckets, articleId, now, settings.bucketCapacity(), notBefore);
        } else if (best.jaccard() < NEAR_EXACT) {
            // a near-exact copy adds nothing to the index: the member it matched stands for it;
            // another copy goes only into the buckets where no member of its story is yet
            long[] fresh = candidates.withoutStory(buckets, storyId);
            if (fresh.length > 0) {
                state.addToBuckets(fresh, articleId, now, settings.bucketCapacity(), notBefore);
            }
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
        return placement(
                articleId, best == null ? Outcome.NEW_STORY : Outcome.DUPLICATE, stored, story);
    }

    private Match bestMatch(
            String articleId,
            Signature signature,
            int shingles,
            long[] buckets,
            long notBefore,
            Candidates seen) {
        Map<String, Integer> collisions = new HashMap<>();
        for (int i = 0; i < buckets.length; i++) {
            List<String> ids = state.bucket(buckets[i], notBefore);
            seen.inBucket[i] = ids;
            for (String id : ids) {
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
            seen.stories.put(candidate, stored.storyId());
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

    /** What {@link #bestMatch} saw: the ids in each bucket and the stories of those it compared. */
    private static final class Candidates {
        final List<?>[] inBucket;
        final Map<String, String> stories = new HashMap<>();

        Candidates(int buckets) {
            inBucket = new List<?>[buckets];
        }

        /** The buckets that hold no article known to be in {@code storyId}. */
        long[] withoutStory(long[] buckets, String storyId) {
            long[] fresh = new long[buckets.length];
            int n = 0;
            for (int i = 0; i < buckets.length; i++) {
                boolean held = false;
                if (inBucket[i] != null) {
                    for (Object id : inBucket[i]) {
                        if (storyId.equals(stories.get(id))) {
                            held = true;
                            break;
                        }
                    }
                }
                if (!held) {
                    fresh[n++] = buckets[i];
                }
            }
            return Arrays.copyOf(fresh, n);
        }
    }

    private Placement refetched(Arrival arrival, StoredArticle known, long now, long notBefore) {
        String articleId = arrival.articleId();
        if (arrival.fetchedAt() < known.fetchedAt()) {
            LOG.debug("{}: an older fetch came late; the newer one stands", articleId);
            return null;
        }
        StoredArticle updated = known.refetched(arrival.fetchedAt(), now);
        state.putArticle(articleId, updated);
        StoredStory story = state.story(known.storyId(), notBefore);
        if (story == null) {
            story = new StoredStory(known.storyId(), 1, List.of(arrival.outlet()), now);
        }
        return placement(articleId, Outcome.REFETCHED, updated, story);
    }

    private static Placement placement(
            String articleId, Outcome outcome, StoredArticle stored, StoredStory story) {
        return new Placement(
                articleId,
                outcome,
                stored.storyId(),
                stored.duplicateOf(),
                stored.similarity(),
                story.representative(),
                story.members(),
                story.outlets());
    }
}
