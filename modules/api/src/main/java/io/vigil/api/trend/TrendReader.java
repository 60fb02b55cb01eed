package io.vigil.api.trend;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.SignificantStringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns the aggregations of a {@link TrendSearch} into {@link Trends}. */
final class TrendReader {

    private final TrendQuery query;

    TrendReader(TrendQuery query) {
        this.query = query;
    }

    Trends read(
            ResponseBody<Void> totalsResponse,
            List<ResponseBody<Void>> seriesResponses,
            long tookMs) {
        Aggregate all = totalsResponse.aggregations().get("all");
        List<Instant> buckets = new ArrayList<>();
        for (DateHistogramBucket b : all.dateHistogram().buckets().array()) {
            buckets.add(Instant.ofEpochMilli(b.key()));
        }
        List<Long> totals = TrendSearch.counts(all);
        List<Trends.Series> series = new ArrayList<>();
        for (int i = 0; i < seriesResponses.size(); i++) {
            ResponseBody<Void> response = seriesResponses.get(i);
            Map<String, Aggregate> s = response.aggregations();
            List<Long> counts = TrendSearch.counts(s.get("h"));
            List<Double> attention = new ArrayList<>();
            for (int j = 0; j < counts.size(); j++) {
                long total = j < totals.size() ? totals.get(j) : 0;
                attention.add(total == 0 ? 0.0 : (double) counts.get(j) / total);
            }
            List<Trends.SplitSeries> splits = new ArrayList<>();
            if (s.containsKey("split")) {
                for (StringTermsBucket b : s.get("split").sterms().buckets().array()) {
                    splits.add(
                            new Trends.SplitSeries(
                                    b.key().stringValue(),
                                    b.docCount(),
                                    TrendSearch.counts(b.aggregations().get("h"))));
                }
            }
            long total =
                    response.hits().total() == null
                            ? counts.stream().mapToLong(Long::longValue).sum()
                            : response.hits().total().value();
            series.add(
                    new Trends.Series(
                            query.label(i),
                            i < query.queries().size() ? query.queries().get(i) : null,
                            total,
                            counts,
                            attention,
                            splits));
        }
        Map<String, Aggregate> first = seriesResponses.get(0).aggregations();
        return new Trends(
                query.interval(),
                query.from(),
                query.to(),
                buckets,
                totals,
                series,
                outlets(first),
                List.of(),
                terms(first),
                "significant_text on titles of the "
                        + TrendSearch.TERM_SAMPLE
                        + " best-matching articles (per monthly index) against all articles",
                null,
                tookMs);
    }

    private static List<Trends.Count> outlets(Map<String, Aggregate> first) {
        if (!first.containsKey("outlets")) {
            return List.of();
        }
        return first.get("outlets").sterms().buckets().array().stream()
                .map(b -> new Trends.Count(b.key().stringValue(), b.docCount()))
                .toList();
    }

    /** The story ids of the candidates aggregation of the first series. */
    static List<String> storyCandidates(Map<String, Aggregate> first) {
        if (!first.containsKey("stories")) {
            return List.of();
        }
        return first
                .get("stories")
                .filter()
                .aggregations()
                .get("ids")
                .sterms()
                .buckets()
                .array()
                .stream()
                .map(b -> b.key().stringValue())
                .toList();
    }

    /** Stories by outlets, then articles, at most {@code top}. */
    static List<Trends.TopStory> stories(Aggregate agg, int top) {
        List<Trends.TopStory> stories = new ArrayList<>();
        for (StringTermsBucket b : agg.sterms().buckets().array()) {
            List<Hit<JsonData>> hits = b.aggregations().get("first").topHits().hits().hits();
            String title = null;
            Instant at = null;
            if (!hits.isEmpty() && hits.get(0).source() != null) {
                var source = hits.get(0).source().toJson().asJsonObject();
                title = source.containsKey("title") ? source.getString("title", null) : null;
                at = source.containsKey("date") ? Instant.parse(source.getString("date")) : null;
            }
            stories.add(
                    new Trends.TopStory(
                            b.key().stringValue(),
                            title,
                            b.aggregations().get("outlets").cardinality().value(),
                            b.docCount(),
                            at));
        }
        stories.sort(
                Comparator.comparingLong(Trends.TopStory::outlets)
                        .thenComparingLong(Trends.TopStory::articles)
                        .reversed());
        return List.copyOf(stories.subList(0, Math.min(top, stories.size())));
    }

    private static List<Trends.Term> terms(Map<String, Aggregate> first) {
        if (!first.containsKey("sample")) {
            return List.of();
        }
        List<Trends.Term> terms = new ArrayList<>();
        Aggregate sig = first.get("sample").sampler().aggregations().get("terms");
        for (SignificantStringTermsBucket b : sig.sigsterms().buckets().array()) {
            terms.add(new Trends.Term(b.key(), b.docCount(), b.bgCount(), b.score()));
        }
        return terms;
    }
}
