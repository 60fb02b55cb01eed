package io.vigil.api.trend;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import io.vigil.api.ApiProperties;
import io.vigil.api.search.ArticleSearch;
import io.vigil.core.search.QueryValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a trend as one multi-search of aggregation-only searches: a date histogram of all articles
 * (the base of attention), and per query its histogram, the split (terms, each with a histogram)
 * and, for the first query, the top outlets, story candidates and significant title words. {@link
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
    private final StoryRanking ranking;

    /**
     * @param requestCache whether Elasticsearch may answer a repeated trend from its shard request
     *     cache (the API: yes; the benchmark: no)
     */
    public TrendSearch(ElasticsearchClient client, ApiProperties settings, boolean requestCache) {
        this.client = client;
        this.settings = settings;
        this.validator = new QueryValidator(settings.maxQueryLength(), settings.maxClauses());
        this.requestCache = requestCache;
        this.ranking = new StoryRanking(client, settings, requestCache);
    }

    /**
     * The trend's counts and top lists (without the feed coverage note).
     *
     * @throws io.vigil.core.search.InvalidQueryException when a query is malformed
     * @throws IOException when Elasticsearch cannot be reached
     */
    public Trends run(TrendQuery query) throws IOException {
        MsearchResponse<Void> response = client.msearch(request(query), Void.class);
        List<ResponseBody<Void>> results = new ArrayList<>();
        for (MultiSearchResponseItem<Void> item : response.responses()) {
            if (item.isFailure()) {
                throw new ElasticsearchException(
                        "msearch",
                        ErrorResponse.of(
                                e ->
                                        e.error(item.failure().error())
                                                .status(item.failure().status())));
            }
            results.add(item.result());
        }
        ResponseBody<Void> totals = results.get(0);
        List<ResponseBody<Void>> series = results.subList(1, results.size());
        Trends trends = new TrendReader(query).read(totals, series, response.took());
        List<Trends.TopStory> stories =
                query.top() == 0
                        ? List.of()
                        : ranking.rank(
                                firstSeries(query),
                                TrendReader.storyCandidates(series.get(0).aggregations()),
                                query.top());
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

    /**
     * One search for the totals (a date histogram under the period alone, which Elasticsearch
     * counts from the index without visiting documents), then one per series whose query is the
     * period and the series' own query and filters, so only matching documents are visited.
     */
    MsearchRequest request(TrendQuery query) {
        for (String q : query.queries()) {
            validator.validate(q);
        }
        List<RequestItem> searches = new ArrayList<>();
        searches.add(
                item(
                        Query.of(f -> f.bool(b -> b.filter(period(query)))),
                        Map.of("all", histogram(query)),
                        false));
        int n = Math.max(1, query.queries().size());
        for (int i = 0; i < n; i++) {
            String q = i < query.queries().size() ? query.queries().get(i) : null;
            Query series = Query.of(f -> f.bool(b -> filters(b, query, q).filter(period(query))));
            searches.add(item(series, aggregations(query, i == 0), true));
        }
        return MsearchRequest.of(m -> m.preFilterShardSize(1L).searches(searches));
    }

    private RequestItem item(Query query, Map<String, Aggregation> aggs, boolean count) {
        return RequestItem.of(
                r ->
                        r.header(
                                        h ->
                                                h.index(settings.alias())
                                                        .ignoreUnavailable(true)
                                                        .allowNoIndices(true)
                                                        .requestCache(requestCache))
                                .body(
                                        b ->
                                                b.size(0)
                                                        .timeout(
                                                                settings.searchTimeout().toMillis()
                                                                        + "ms")
                                                        .trackTotalHits(t -> t.enabled(count))
                                                        .query(query)
                                                        .aggregations(aggs)));
    }

    private Map<String, Aggregation> aggregations(TrendQuery query, boolean first) {
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
        return sub;
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

    /** The first series' filter within the period: where the candidates' outlets are counted. */
    private Query firstSeries(TrendQuery query) {
        String q = query.queries().isEmpty() ? null : query.queries().get(0);
        return Query.of(f -> f.bool(b -> filters(b, query, q).filter(period(query))));
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
