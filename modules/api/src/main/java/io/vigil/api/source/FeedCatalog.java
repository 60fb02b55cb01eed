package io.vigil.api.source;

import io.vigil.core.feed.Feed;
import io.vigil.core.feed.FeedHealth;
import io.vigil.core.feed.FeedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feeds and their crawl state as the API sees them: the latest {@link Feed} and {@link
 * FeedState} per feed, and the failing spells seen in the state topic (a poll that failed after one
 * that did not begins a spell, the next good poll ends it). Filled by {@link FeedCatalogReader}.
 * Thread-safe.
 *
 * <p>The state topic is compacted: spells older than the last compaction are lost, and a feed whose
 * first known state is already failing has a spell of unknown start.
 */
public final class FeedCatalog {

    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    private final Map<String, List<Spell>> spells = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();

    /** A stretch of failed polls. */
    record Spell(Instant since, Instant until, String lastError) {}

    /** A feed and its state (null when never polled). */
    public record Entry(Feed feed, FeedState state) {}

    void put(String id, Feed feed) {
        if (feed == null) {
            feeds.remove(id);
        } else {
            feeds.put(id, feed);
        }
    }

    synchronized void put(String id, FeedState state) {
        if (state == null) {
            states.remove(id);
            spells.remove(id);
            lastSuccess.remove(id);
            return;
        }
        FeedState previous = states.put(id, state);
        if ((state.health() == FeedHealth.OK || state.health() == FeedHealth.NOT_MODIFIED)
                && state.lastPolled() != null) {
            lastSuccess.put(id, state.lastPolled());
        }
        boolean failing = failing(state.health());
        boolean wasFailing = previous != null && failing(previous.health());
        List<Spell> list = spells.computeIfAbsent(id, k -> new ArrayList<>());
        Instant at = state.lastPolled();
        if (failing && !wasFailing) {
            list.add(new Spell(previous == null ? null : at, null, state.lastError()));
        } else if (failing) {
            Spell open = list.isEmpty() ? null : list.remove(list.size() - 1);
            list.add(new Spell(open == null ? null : open.since(), null, state.lastError()));
        } else if (wasFailing && !list.isEmpty()) {
            Spell open = list.remove(list.size() - 1);
            list.add(new Spell(open.since(), at, open.lastError()));
        }
        if (list.size() > 50) {
            list.remove(0);
        }
    }

    private static boolean failing(FeedHealth health) {
        return health == FeedHealth.FAILING || health == FeedHealth.GONE;
    }

    /** Every feed with its state, by id. */
    public List<Entry> entries() {
        return feeds.values().stream()
                .sorted(Comparator.comparing(Feed::id))
                .map(f -> new Entry(f, states.get(f.id())))
                .toList();
    }

    /** The last good poll of the feed seen in the state topic, or null. */
    public Instant lastSuccess(String id) {
        return lastSuccess.get(id);
    }

    /** The feed with this id, or null. */
    public Feed feed(String id) {
        return feeds.get(id);
    }

    /** The feeds failing at some time in {@code [from, to)}. */
    public synchronized FeedCoverage coverage(Instant from, Instant to) {
        List<FeedCoverage.FailingFeed> failing = new ArrayList<>();
        spells.forEach(
                (id, list) -> {
                    for (Spell s : list) {
                        boolean startsBeforeEnd = s.since() == null || s.since().isBefore(to);
                        boolean endsAfterStart = s.until() == null || s.until().isAfter(from);
                        if (startsBeforeEnd && endsAfterStart) {
                            Feed feed = feeds.get(id);
                            FeedState state = states.get(id);
                            failing.add(
                                    new FeedCoverage.FailingFeed(
                                            id,
                                            feed == null ? id : feed.name(),
                                            state == null ? null : state.health(),
                                            s.since(),
                                            s.until(),
                                            s.lastError()));
                        }
                    }
                });
        failing.sort(
                Comparator.comparing(
                        FeedCoverage.FailingFeed::since,
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        String note =
                failing.isEmpty()
                        ? "No feed was seen failing in this period."
                        : failing.size()
                                + " feed(s) failed during this period: fewer articles from them"
                                + " may mean missed coverage, not silence.";
        return new FeedCoverage(feeds.size(), failing, note);
    }
}
