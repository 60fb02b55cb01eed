package io.vigil.api.trend;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A trend request, checked.
 *
 * @param queries the Lucene queries compared side by side (one series each); empty for one series
 *     of all articles (of {@code topic}, when given)
 * @param labels a label per query (defaults to the query)
 * @param topic only articles relevant to this topic, in every series, or null
 * @param from start of the period, inclusive
 * @param to end of the period, exclusive
 * @param interval bucket width
 * @param split split every series by this, or null
 * @param splitSize how many values of the split to show (the rest are not shown)
 * @param languages only these languages; empty for all
 * @param sources only these outlets (names or domains); empty for all
 * @param countries only articles mentioning one of these countries; empty for all
 * @param top how many outlets, stories and terms to list
 */
public record TrendQuery(
        List<String> queries,
        List<String> labels,
        String topic,
        Instant from,
        Instant to,
        Interval interval,
        Split split,
        int splitSize,
        List<String> languages,
        List<String> sources,
        List<String> countries,
        int top) {

    /** The most queries compared at once. */
    public static final int MAX_QUERIES = 5;

    public TrendQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(interval, "interval");
        queries = queries == null ? List.of() : List.copyOf(queries);
        labels = labels == null ? List.of() : List.copyOf(labels);
        languages = languages == null ? List.of() : List.copyOf(languages);
        sources = sources == null ? List.of() : List.copyOf(sources);
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    /** The label of series {@code i}. */
    String label(int i) {
        if (i < labels.size() && labels.get(i) != null && !labels.get(i).isBlank()) {
            return labels.get(i);
        }
        if (i < queries.size()) {
            return queries.get(i);
        }
        return topic == null ? "all articles" : topic;
    }
}
