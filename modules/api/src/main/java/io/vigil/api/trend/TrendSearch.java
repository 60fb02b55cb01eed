package io.vigil.api.trend;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.vigil.api.ApiProperties;
import io.vigil.api.search.ArticleSearch;
import io.vigil.api.search.QueryValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a trend as one aggregation-only search: a date histogram of all articles (the base of
 * attention), and per query a filter with its own histogram, the split (terms, each with a
 * histogram) and, for the first query, the top outlets, stories and significant title words. {@link
 * TrendReader} turns the answer into {@link Trends}. Thread-safe.
 */
public final class TrendSearch {

    /**
     * Stories are ranked by outlets among this many stories with the most syndicated copies in the
     * period (a second, small search counts their outlets exactly).
     */
    static final int STORY_CANDIDATES = 30;

    /** Titles sampled (best matches per shard, one shard per month) for significant terms. */
    static final int TERM_SAMPLE = 100;

    private final ElasticsearchClient client;
    private final ApiProperties settings;
    private final QueryValidator validator;
    private final boolean requestCache;

    /**
     * @param requestCache whether Elasticsearch may answer a repeated trend from its shard request
     *     cache (the API: yes; the benchmark: no)
     */
    public TrendSearch(ElasticsearchClient client, ApiProperties settings, boolean requestCache) {
        this.client = client;
        this.settings = settings;
        this.validator = new QueryValidator(settings.maxQueryLength(), settings.maxClauses());
        this.requestCache = requestCache;
    }

    /**
     * The trend's counts and top lists (without the feed coverage note).
     *
     * @throws io.vigil.api.search.InvalidQueryException when a query is malformed
     * @throws IOException when Elasticsearch cannot be reached
     */
    public Trends run(TrendQuery query) throws IOException {
        SearchRequest request = request(query);
        SearchResponse<Void> response = client.search(request, Void.class);
        TrendReader reader = new TrendReader(query);
        Trends trends = reader.read(response.aggregations(), response.took());
        List<Trends.TopStory> stories =
                stories(query, TrendReader.storyCandidates(response.aggregations()));
        return new Trends(
                trends.interval(),
                trends.from(),
                trends.to(),
                trends.buckets(),
                trends.totals(),
                trends.series(),
                trends.topOutlets(),
                stories,
                trends.terms(),
                trends.termsMethod(),
                null,
                trends.tookMs());
    }

    SearchRequest request(TrendQuery query) {
        for (String q : query.queries()) {
            validator.validate(q);
        }
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put("all", histogram(query));
        int n = Math.max(1, query.queries().size());
        for (int i = 0; i < n; i++) {
            String q = i < query.queries().size() ? query.queries().get(i) : null;
            aggs.put("s" + i, series(query, q, i == 0));
        }
        Query period =
                Query.of(
                        p ->
                                p.range(
                                        r ->
                                                r.date(
                                                        d ->
                                                                d.field("date")
                                                                        .gte(
                                                                                query.from()
                                                                                        .toString())
                                                                        .lt(
                                                                                query.to()
                                                                                        .toString()))));
        return SearchRequest.of(
                s ->
                        s.index(settings.alias())
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .requestCache(requestCache)
                                .preFilterShardSize(1L)
                                .timeout(settings.searchTimeout().toMillis() + "ms")
                                .size(0)
                                .trackTotalHits(t -> t.enabled(false))
                                .query(period)
                                .aggregations(aggs));
    }

    private Aggregation series(TrendQuery query, String q, boolean first) {
        Map<String, Aggregation> sub = new LinkedHashMap<>();
        sub.put("h", histogram(query));
        if (query.split() != null) {
            sub.put(
                    "split",
                    Aggregation.of(
                            a ->
                                    a.terms(
                                                    t ->
                                                            t.field(query.split().field())
                                                                    .size(query.splitSize()))
                                            .aggregations("h", histogram(query))));
        }
        if (first && query.top() > 0) {
            sub.put(
                    "outlets",
                    Aggregation.of(a -> a.terms(t -> t.field("outlet").size(query.top()))));
            sub.put("stories", storyCandidates());
            sub.put(
                    "sample",
                    Aggregation.of(
                            a ->
                                    a.sampler(x -> x.shardSize(TERM_SAMPLE))
                                            .aggregations(
                                                    "terms",
                                                    Aggregation.of(
                                                            t ->
                                                                    t.significantText(
                                                                            st ->
                                                                                    st.field(
                                                                                                    "title")
                                                                                            .size(
                                                                                                    query
                                                                                                            .top())
                                                                                            .minDocCount(
                                                                                                    2L)
                                                                                            .filterDuplicateText(
                                                                                                    true))))));
        }
        Query filter = Query.of(f -> f.bool(b -> filters(b, query, q)));
        return Aggregation.of(a -> a.filter(filter).aggregations(sub));
    }

    /** Stories with the most syndicated copies: the candidates for "carried by most outlets". */
    private static Aggregation storyCandidates() {
        return Aggregation.of(
                a ->
                        a.filter(f -> f.exists(e -> e.field("duplicateOf")))
                                .aggregations(
                                        "ids",
                                        Aggregation.of(
                                                t ->
                                                        t.terms(
                                                                x ->
                                                                        x.field("storyId")
                                                                                .size(
                                                                                        STORY_CANDIDATES)))));
    }

    /** The candidates' outlets and first headline, counted exactly within the first series. */
    private List<Trends.TopStory> stories(TrendQuery query, List<String> candidates)
            throws IOException {
        if (candidates.isEmpty() || query.top() == 0) {
            return List.of();
        }
        String q = query.queries().isEmpty() ? null : query.queries().get(0);
        Query filter =
                Query.of(
                        f ->
                                f.bool(
                                        b ->
                                                filters(b, query, q)
                                                        .filter(period(query))
                                                        .filter(terms("storyId", candidates))));
        Map<String, Aggregation> sub = new HashMap<>();
        sub.put("outlets", Aggregation.of(a -> a.cardinality(c -> c.field("outlet"))));
        sub.put(
                "first",
                Aggregation.of(
                        a ->
                                a.topHits(
                                        t ->
                                                t.size(1)
                                                        .source(
                                                                src ->
                                                                        src.filter(
                                                                                f ->
                                                                                        f.includes(
                                                                                                "title",
                                                                                                "date")))
                                                        .sort(
                                                                o ->
                                                                        o.field(
                                                                                fs ->
                                                                                        fs.field(
                                                                                                        "date")
                                                                                                .order(
                                                                                                        SortOrder
                                                                                                                .Asc))))));
        SearchResponse<Void> response =
                client.search(
                        s ->
                                s.index(settings.alias())
                                        .ignoreUnavailable(true)
                                        .allowNoIndices(true)
                                        .requestCache(requestCache)
                                        .preFilterShardSize(1L)
                                        .size(0)
                                        .query(filter)
                                        .aggregations(
                                                "stories",
                                                Aggregation.of(
                                                        a ->
                                                                a.terms(
                                                                                t ->
                                                                                        t.field(
                                                                                                        "storyId")
                                                                                                .size(
                                                                                                        candidates
                                                                                                                .size()))
                                                                        .aggregations(sub))),
                        Void.class);
        return TrendReader.stories(response.aggregations().get("stories"), query.top());
    }

    private static Query period(TrendQuery query) {
        return Query.of(
                p ->
                        p.range(
                                r ->
                                        r.date(
                                                d ->
                                                        d.field("date")
                                                                .gte(query.from().toString())
                                                                .lt(query.to().toString()))));
    }

    private static Aggregation histogram(TrendQuery query) {
        return Aggregation.of(
                a ->
                        a.dateHistogram(
                                h ->
                                        h.field("date")
                                                .calendarInterval(query.interval().calendar())
                                                .timeZone("UTC")
                                                .minDocCount(0)
                                                .extendedBounds(
                                                        b ->
                                                                b.min(
                                                                                FieldDateMath.of(
                                                                                        m ->
                                                                                                m
                                                                                                        .value(
                                                                                                                (double)
                                                                                                                        query.from()
                                                                                                                                .toEpochMilli())))
                                                                        .max(
                                                                                FieldDateMath.of(
                                                                                        m ->
                                                                                                m
                                                                                                        .value(
                                                                                                                (double)
                                                                                                                        (query.to()
                                                                                                                                        .toEpochMilli()
                                                                                                                                - 1)))))));
    }

    private BoolQuery.Builder filters(BoolQuery.Builder b, TrendQuery query, String q) {
        if (q != null) {
            b.must(ArticleSearch.textQuery(q, settings));
        }
        if (query.topic() != null) {
            b.filter(terms("topics", List.of(query.topic())));
        }
        if (!query.languages().isEmpty()) {
            b.filter(terms("language", query.languages()));
        }
        if (!query.countries().isEmpty()) {
            b.filter(terms("countries", query.countries()));
        }
        if (!query.sources().isEmpty()) {
            b.filter(
                    f ->
                            f.bool(
                                    s ->
                                            s.should(terms("outlet", query.sources()))
                                                    .should(terms("domain", query.sources()))
                                                    .minimumShouldMatch("1")));
        }
        return b;
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> v = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(v))));
    }

    /** Counts of a histogram aggregate, in bucket order. */
    static List<Long> counts(Aggregate histogram) {
        List<Long> counts = new ArrayList<>();
        for (DateHistogramBucket b : histogram.dateHistogram().buckets().array()) {
            counts.add(b.docCount());
        }
        return counts;
    }
}
