package io.vigil.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.vigil.api.ApiProperties;
import io.vigil.core.search.ArticleDocument;
import io.vigil.core.search.ArticleFilters;
import io.vigil.core.search.InvalidQueryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs article searches on the alias: the query of {@link ArticleFilters} (shared with the export),
 * sorted, paged and highlighted. Thread-safe.
 */
public final class ArticleSearch {

    private final ElasticsearchClient client;
    private final ApiProperties settings;
    private final ArticleFilters filters;

    public ArticleSearch(ElasticsearchClient client, ApiProperties settings) {
        this.client = client;
        this.settings = settings;
        this.filters =
                new ArticleFilters(
                        settings.maxQueryLength(),
                        settings.maxClauses(),
                        settings.maxDeterminizedStates());
    }

    /**
     * One page of the articles that match.
     *
     * @throws InvalidQueryException when the query is malformed or asks too much
     * @throws IOException when Elasticsearch cannot be reached
     */
    public SearchResult search(ArticleQuery query) throws IOException {
        SearchRequest request = request(query);
        SearchResponse<ArticleDocument> response = client.search(request, ArticleDocument.class);
        List<ArticleHit> hits = new ArrayList<>();
        for (Hit<ArticleDocument> hit : response.hits().hits()) {
            hits.add(ArticleHit.of(hit.source(), hit.score(), highlights(hit.highlight())));
        }
        long total =
                response.hits().total() == null ? hits.size() : response.hits().total().value();
        Map<String, List<SearchResult.Facet>> facets = new LinkedHashMap<>();
        for (String field : SearchResult.FACETS) {
            var agg = response.aggregations().get(field);
            if (agg != null && agg.isSterms()) {
                facets.put(
                        field,
                        agg.sterms().buckets().array().stream()
                                .map(
                                        b ->
                                                new SearchResult.Facet(
                                                        b.key().stringValue(), b.docCount()))
                                .toList());
            }
        }
        return new SearchResult(
                total,
                query.page(),
                query.size(),
                Boolean.TRUE.equals(response.timedOut()),
                hits,
                facets);
    }

    /**
     * The article with all its text, or null when there is none.
     *
     * @throws IOException when Elasticsearch cannot be reached
     */
    public ArticleDocument find(String id) throws IOException {
        SearchResponse<ArticleDocument> response =
                client.search(
                        s ->
                                s.index(settings.alias())
                                        .ignoreUnavailable(true)
                                        .allowNoIndices(true)
                                        .size(1)
                                        .query(q -> q.ids(i -> i.values(id))),
                        ArticleDocument.class);
        return response.hits().hits().isEmpty() ? null : response.hits().hits().get(0).source();
    }

    /** The Elasticsearch request for {@code query}, after checking it. */
    SearchRequest request(ArticleQuery query) {
        if (query.page() < 1) {
            throw InvalidQueryException.of("page", "page starts at 1.");
        }
        if (query.size() < 1 || query.size() > settings.maxPageSize()) {
            throw InvalidQueryException.of(
                    "size", "size must be between 1 and " + settings.maxPageSize() + ".");
        }
        long window = (long) query.page() * query.size();
        if (window > settings.maxResultWindow()) {
            throw InvalidQueryException.of(
                    "page",
                    "Results beyond the first "
                            + settings.maxResultWindow()
                            + " cannot be paged to; narrow the search.");
        }
        Query filtered = filters.query(query.filter());
        return SearchRequest.of(
                s -> {
                    s.index(settings.alias())
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .timeout(settings.searchTimeout().toMillis() + "ms")
                            .trackTotalHits(t -> t.enabled(true))
                            .from((query.page() - 1) * query.size())
                            .size(query.size())
                            .source(src -> src.filter(f -> f.excludes("text", "languages")))
                            .query(filtered);
                    for (String field : SearchResult.FACETS) {
                        s.aggregations(field, a -> a.terms(t -> t.field(field).size(10)));
                    }
                    switch (query.sort()) {
                        case RELEVANCE ->
                                s.sort(o -> o.score(x -> x.order(SortOrder.Desc)))
                                        .sort(
                                                o ->
                                                        o.field(
                                                                f ->
                                                                        f.field("date")
                                                                                .order(
                                                                                        SortOrder
                                                                                                .Desc)));
                        case NEWEST ->
                                s.sort(o -> o.field(f -> f.field("date").order(SortOrder.Desc)));
                        case OLDEST ->
                                s.sort(o -> o.field(f -> f.field("date").order(SortOrder.Asc)));
                    }
                    s.sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    if (query.q() != null) {
                        s.highlight(
                                h ->
                                        h.preTags("<em>")
                                                .postTags("</em>")
                                                .maxAnalyzedOffset(100_000)
                                                .fields("title", f -> f.numberOfFragments(0))
                                                .fields(
                                                        "languages.*.title",
                                                        f -> f.numberOfFragments(0))
                                                .fields("text", f -> text(f))
                                                .fields("languages.*.text", f -> text(f)));
                    }
                    return s;
                });
    }

    private co.elastic.clients.elasticsearch.core.search.HighlightField.Builder text(
            co.elastic.clients.elasticsearch.core.search.HighlightField.Builder f) {
        return f.numberOfFragments(settings.fragments()).fragmentSize(settings.fragmentSize());
    }

    /** The user's query as the search runs it (see {@link ArticleFilters#textQuery}). */
    public static Query textQuery(String q, ApiProperties settings) {
        return ArticleFilters.textQuery(q, settings.maxDeterminizedStates());
    }

    /** Highlights by document field ({@code title}, {@code text}), whatever the language. */
    static Map<String, List<String>> highlights(Map<String, List<String>> byField) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        byField.forEach(
                (field, fragments) ->
                        merged.computeIfAbsent(
                                        field.substring(field.lastIndexOf('.') + 1),
                                        k -> new ArrayList<>())
                                .addAll(fragments));
        return merged;
    }
}
