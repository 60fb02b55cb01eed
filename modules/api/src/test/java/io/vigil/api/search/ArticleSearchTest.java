package io.vigil.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.vigil.api.ApiProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleSearchTest {

    private final ArticleSearch search =
            new ArticleSearch(mock(ElasticsearchClient.class), ApiProperties.defaults());

    @Test
    void boundsTheQueryAndFiltersEverythingElse() {
        SearchRequest request =
                search.request(
                        new ArticleQuery(
                                "organ harvest*",
                                Instant.parse("2026-01-01T00:00:00Z"),
                                null,
                                List.of("en"),
                                List.of("bbc.co.uk"),
                                List.of("CN"),
                                "organ-harvesting",
                                null,
                                null,
                                0.5,
                                null,
                                2,
                                10));
        String json = JsonpUtils.toJsonString(request, new JacksonJsonpMapper());
        assertThat(json)
                .contains("\"default_operator\":\"and\"")
                .contains("\"allow_leading_wildcard\":false")
                .contains("\"max_determinized_states\":10000")
                .contains("\"relevance.organ-harvesting\":{\"gte\":0.5")
                .contains("\"from\":10")
                .contains("\"timeout\":\"5000ms\"");
        assertThat(request.index()).containsExactly("vigil-articles");
    }

    @Test
    void mergesHighlightsOfEveryLanguageUnderTitleAndText() {
        assertThat(ArticleSearch.highlights(Map.of("languages.zh.text", List.of("<em>器官</em>"))))
                .containsEntry("text", List.of("<em>器官</em>"));
    }
}
