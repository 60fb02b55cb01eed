package io.vigil.api.story;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.vigil.api.ApiProperties;
import io.vigil.api.search.ArticleHit;
import io.vigil.core.search.ArticleDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stories read from the article index: the members are the articles with the story's id, the
 * outlets theirs. (No separate story index: every member carries its story id, and a story is
 * small.) Thread-safe.
 */
public final class Stories {

    private final ElasticsearchClient client;
    private final ApiProperties settings;

    public Stories(ElasticsearchClient client, ApiProperties settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * The story, or null when no article belongs to it.
     *
     * @throws IOException when Elasticsearch cannot be reached
     */
    public Story find(String id) throws IOException {
        SearchResponse<ArticleDocument> response =
                client.search(
                        s ->
                                s.index(settings.alias())
                                        .ignoreUnavailable(true)
                                        .allowNoIndices(true)
                                        .trackTotalHits(t -> t.enabled(true))
                                        .size(settings.maxStoryMembers())
                                        .source(
                                                src ->
                                                        src.filter(
                                                                f ->
                                                                        f.excludes(
                                                                                "text",
                                                                                "languages")))
                                        .query(q -> q.term(t -> t.field("storyId").value(id)))
                                        .sort(
                                                o ->
                                                        o.field(
                                                                f ->
                                                                        f.field("date")
                                                                                .order(
                                                                                        SortOrder
                                                                                                .Asc)))
                                        .sort(
                                                o ->
                                                        o.field(
                                                                f ->
                                                                        f.field("id")
                                                                                .order(
                                                                                        SortOrder
                                                                                                .Asc))),
                        ArticleDocument.class);
        List<Hit<ArticleDocument>> hits = response.hits().hits();
        if (hits.isEmpty()) {
            return null;
        }
        List<ArticleHit> members = new ArrayList<>();
        Set<String> outlets = new LinkedHashSet<>();
        for (Hit<ArticleDocument> hit : hits) {
            members.add(ArticleHit.of(hit.source(), null, Map.of()));
            outlets.add(hit.source().outlet());
        }
        long total =
                response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new Story(
                id,
                total,
                List.copyOf(outlets),
                members.get(0).date(),
                members.get(members.size() - 1).date(),
                members);
    }
}
