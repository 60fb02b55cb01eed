package io.vigil.crawler.feed;

import io.vigil.core.event.FeedEntryDiscovered;
import io.vigil.core.feed.Feed;
import io.vigil.core.feed.FeedHealth;
import io.vigil.core.feed.FeedState;
import io.vigil.core.url.UrlCanonicalizer;
import io.vigil.crawler.http.FetchOutcome;
import io.vigil.crawler.http.FetchRequest;
import io.vigil.crawler.http.FetchResult;
import io.vigil.crawler.http.HttpFetcher;
import io.vigil.crawler.schedule.PollSchedule;
import io.vigil.crawler.schedule.SeenEntries;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: fetch (conditional), parse, keep the entries not seen before, and work out the
 * feed's next state. Pure apart from the fetch; publishing is the caller's job, in one transaction
 * with the state, so that nothing is lost or repeated.
 */
public final class FeedPoller {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final Duration GONE_FOR = Duration.ofDays(3650);

    private final HttpFetcher fetcher;
    private final PollSchedule schedule;
    private final int seenCapacity;
    private final Clock clock;

    public FeedPoller(HttpFetcher fetcher, PollSchedule schedule, int seenCapacity, Clock clock) {
        this.fetcher = fetcher;
        this.schedule = schedule;
        this.seenCapacity = seenCapacity;
        this.clock = clock;
    }

    /** What one poll produced: the feed's next state and its new entries, oldest first. */
    public record Poll(FeedState state, List<FeedEntryDiscovered> entries, FetchOutcome outcome) {
        public Poll {
            entries = List.copyOf(entries);
        }
    }

    public Poll poll(Feed feed, FeedState state) {
        FetchResult fetched =
                fetcher.fetch(
                        new FetchRequest(state.currentUrl(), state.etag(), state.lastModified()));
        Instant now = clock.instant();
        URI url =
                fetched.movedPermanentlyTo() != null
                        ? fetched.movedPermanentlyTo()
                        : state.currentUrl();
        return switch (fetched.outcome()) {
            case OK -> parsed(feed, state, fetched, url, now);
            case NOT_MODIFIED ->
                    healthy(
                            feed,
                            state,
                            fetched,
                            url,
                            now,
                            List.of(),
                            List.of(),
                            FeedHealth.NOT_MODIFIED);
            case GONE ->
                    new Poll(
                            failed(
                                    state,
                                    url,
                                    now,
                                    FeedHealth.GONE,
                                    fetched.detail(),
                                    now.plus(GONE_FOR)),
                            List.of(),
                            fetched.outcome());
            default ->
                    failure(
                            state,
                            url,
                            now,
                            fetched.outcome() + ": " + fetched.detail(),
                            fetched.retryAfter(),
                            fetched.outcome());
        };
    }

    private Poll parsed(Feed feed, FeedState state, FetchResult fetched, URI url, Instant now) {
        ParsedFeed parsed =
                FeedParser.parse(
                        fetched.body(),
                        fetched.contentType(),
                        fetched.charset(),
                        fetched.finalUrl());
        if (!parsed.outcome().usable()) {
            return failure(
                    state,
                    url,
                    now,
                    parsed.outcome() + ": " + parsed.detail(),
                    null,
                    fetched.outcome());
        }
        SeenEntries seen = SeenEntries.of(state.seen());
        List<Set<String>> current = new ArrayList<>();
        List<FeedEntryDiscovered> fresh = new ArrayList<>();
        for (ParsedEntry entry : parsed.entries()) {
            if (entry.link() == null) {
                continue; // nothing to fetch: an entry without a link is not an article
            }
            URI link = UrlCanonicalizer.withoutTracking(entry.link());
            Set<String> fingerprints =
                    SeenEntries.fingerprints(entry.id(), UrlCanonicalizer.identity(link));
            current.add(fingerprints);
            if (!seen.seen(fingerprints)) {
                fresh.add(discovered(feed, parsed, entry, link, now));
            }
        }
        fresh.sort(
                Comparator.comparing(
                        FeedEntryDiscovered::published,
                        Comparator.nullsLast(Comparator.naturalOrder())));
        List<String> remembered = seen.remember(current, seenCapacity);
        return healthy(feed, state, fetched, url, now, fresh, remembered, FeedHealth.OK);
    }

    private Poll healthy(
            Feed feed,
            FeedState state,
            FetchResult fetched,
            URI url,
            Instant now,
            List<FeedEntryDiscovered> fresh,
            List<String> remembered,
            FeedHealth health) {
        List<Instant> recent =
                Stream.concat(
                                fresh.stream()
                                        .map(FeedEntryDiscovered::published)
                                        .filter(p -> p != null && !p.isAfter(now)),
                                state.recentPublished().stream())
                        .distinct()
                        .sorted(Comparator.reverseOrder())
                        .limit(PollSchedule.RATE_WINDOW)
                        .toList();
        Duration interval = schedule.interval(feed.pollInterval(), recent);
        boolean moved = !url.equals(state.currentUrl());
        if (moved) {
            LOG.warn("Feed {} moved permanently: {} -> {}", feed.id(), state.currentUrl(), url);
        } else if (state.health() == FeedHealth.FAILING) {
            LOG.info(
                    "Feed {} recovered after {} failed polls",
                    feed.id(),
                    state.consecutiveErrors());
        }
        FeedState next =
                new FeedState(
                        FeedState.SCHEMA,
                        state.feedId(),
                        url,
                        moved ? FeedHealth.MOVED : health,
                        0,
                        null,
                        fetched.etag() != null ? fetched.etag() : state.etag(),
                        fetched.lastModified() != null
                                ? fetched.lastModified()
                                : state.lastModified(),
                        now,
                        fresh.isEmpty() ? state.lastNewEntry() : now,
                        interval,
                        schedule.next(now, interval),
                        health == FeedHealth.NOT_MODIFIED ? state.seen() : remembered,
                        recent);
        return new Poll(next, fresh, fetched.outcome());
    }

    private Poll failure(
            FeedState state,
            URI url,
            Instant now,
            String error,
            Duration retryAfter,
            FetchOutcome outcome) {
        int errors = state.consecutiveErrors() + 1;
        Duration wait = schedule.backoff(state.interval(), errors, retryAfter);
        if (state.health() != FeedHealth.FAILING) {
            LOG.warn("Feed {} is failing: {}", state.feedId(), error);
        } else {
            LOG.debug("Feed {} failed again ({} in a row): {}", state.feedId(), errors, error);
        }
        FeedState next =
                new FeedState(
                        FeedState.SCHEMA,
                        state.feedId(),
                        url,
                        FeedHealth.FAILING,
                        errors,
                        error,
                        state.etag(),
                        state.lastModified(),
                        now,
                        state.lastNewEntry(),
                        state.interval(),
                        schedule.next(now, wait),
                        state.seen(),
                        state.recentPublished());
        return new Poll(next, List.of(), outcome);
    }

    private static FeedState failed(
            FeedState state, URI url, Instant now, FeedHealth health, String error, Instant next) {
        LOG.warn("Feed {} is gone ({}); it will not be polled again", state.feedId(), error);
        return new FeedState(
                FeedState.SCHEMA,
                state.feedId(),
                url,
                health,
                state.consecutiveErrors() + 1,
                error,
                state.etag(),
                state.lastModified(),
                now,
                state.lastNewEntry(),
                state.interval(),
                next,
                state.seen(),
                state.recentPublished());
    }

    private static FeedEntryDiscovered discovered(
            Feed feed, ParsedFeed parsed, ParsedEntry entry, URI link, Instant now) {
        String language =
                entry.language() != null
                        ? entry.language()
                        : parsed.language() != null ? parsed.language() : feed.language();
        Instant published = entry.published() != null ? entry.published() : entry.updated();
        return new FeedEntryDiscovered(
                FeedEntryDiscovered.SCHEMA,
                feed.id(),
                link,
                entry.id(),
                entry.title(),
                entry.summary(),
                entry.authors(),
                entry.categories(),
                published,
                language,
                now);
    }
}
