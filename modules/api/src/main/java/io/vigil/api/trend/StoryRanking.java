package io.vigil.api.trend;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.vigil.api.ApiProperties;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stories carried by most outlets: the trend search names the candidates (the stories with most
 * syndicated copies in the first series), and one small search counts each candidate's distinct
 * outlets exactly and finds its earliest headline. Counting outlets for every story of a large
 * period instead would need a cardinality per story over hundreds of thousands of stories.
 */
final class StoryRanking {

    private final ElasticsearchClient client;
    private final ApiProperties settings;
    private final boolean requestCache;

    StoryRanking(ElasticsearchClient client, ApiProperties settings, boolean requestCache) {
        this.client = client;
        this.settings = settings;
        this.requestCache = requestCache;
    }

    /** The candidates' outlets and first headline, counted exactly within the first series. */
    List<Trends.TopStory> rank(Query series, List<String> candidates, int top) throws IOException {
        if (candidates.isEmpty() || top == 0) {
            return List.of();
        }
        List<FieldValue> ids = candidates.stream().map(FieldValue::of).toList();
        Query filter =
                Query.of(
                        f ->
                                f.bool(
                                        b ->
                                                b.filter(series)
                                                        .filter(
                                                                t ->
                                                                        t.terms(
                                                                                x ->
                                                                                        x.field(
                                                                                                        "storyId")
                                                                                                .terms(
                                                                                                        v ->
                                                                                                                v
                                                                                                                        .value(
                                                                                                                                ids))))));
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
        return TrendReader.stories(response.aggregations().get("stories"), top);
    }
}
