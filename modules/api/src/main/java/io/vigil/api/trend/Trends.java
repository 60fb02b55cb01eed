package io.vigil.api.trend;

import io.vigil.api.source.FeedCoverage;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/trends}: one count per bucket for each series, the same as a share
 * of all articles of the bucket ("attention"), and what stands out in the first series.
 *
 * @param interval bucket width
 * @param from start of the period, inclusive
 * @param to end of the period, exclusive
 * @param buckets the start of each bucket
 * @param totals all articles per bucket (filters and queries not applied): the base of attention
 * @param series one per query
 * @param topOutlets outlets carrying most articles of the first series
 * @param topStories stories of the first series carried by most outlets
 * @param terms words of the first series' titles that stand out against all articles
 * @param termsMethod how {@code terms} were found
 * @param coverage the feeds that were failing during the period
 * @param tookMs how long Elasticsearch took
 */
public record Trends(
        Interval interval,
        Instant from,
        Instant to,
        List<Instant> buckets,
        List<Long> totals,
        List<Series> series,
        List<Count> topOutlets,
        List<TopStory> topStories,
        List<Term> terms,
        String termsMethod,
        FeedCoverage coverage,
        long tookMs) {

    /**
     * One query's counts.
     *
     * @param label its label
     * @param query the query, or null for all articles
     * @param total articles in the period
     * @param counts articles per bucket
     * @param attention share of all articles per bucket, 0 to 1 (0 for an empty bucket)
     * @param splits the counts per value of the split, largest first; empty without a split
     */
    public record Series(
            String label,
            String query,
            long total,
            List<Long> counts,
            List<Double> attention,
            List<SplitSeries> splits) {}

    /**
     * Counts per bucket of one value of the split.
     *
     * @param key the value (a theme id, language, outlet, country code)
     * @param total articles in the period
     * @param counts articles per bucket
     */
    public record SplitSeries(String key, long total, List<Long> counts) {}

    /** A value and its number of articles. */
    public record Count(String key, long count) {}

    /**
     * A story and how widely it was carried.
     *
     * @param storyId the story id
     * @param title the headline of its earliest article in the period
     * @param outlets distinct outlets that carried it (in the period)
     * @param articles its articles in the period
     * @param first the earliest of them
     */
    public record TopStory(
            String storyId, String title, long outlets, long articles, Instant first) {}

    /**
     * A word that stands out.
     *
     * @param term the (analysed) word
     * @param count articles of the series with it (in the sample)
     * @param background articles with it overall
     * @param score the significance score
     */
    public record Term(String term, long count, long background, double score) {}
}
