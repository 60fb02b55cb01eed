package io.vigil.api.search;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigil.api.ApiExceptionHandler;
import io.vigil.api.ApiProperties;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Bad requests never reach Elasticsearch and get a problem body saying what is wrong. */
class ArticleControllerTest {

    private final ElasticsearchClient client = mock(ElasticsearchClient.class);
    private final ApiProperties settings = ApiProperties.defaults();
    private final MockMvc mvc =
            MockMvcBuilders.standaloneSetup(
                            new ArticleController(new ArticleSearch(client, settings), settings))
                    .setControllerAdvice(new ApiExceptionHandler())
                    .build();

    @Test
    void aMalformedQueryIsA400WithItsPosition() throws Exception {
        mvc.perform(get("/api/articles").param("q", "organ ) harvest"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.parameter").value("q"))
                .andExpect(jsonPath("$.line").value(1))
                .andExpect(jsonPath("$.column").value(7))
                .andExpect(jsonPath("$.position").value(6));
        verifyNoInteractions(client);
    }

    @Test
    void aLeadingWildcardIsA400() throws Exception {
        mvc.perform(get("/api/articles").param("q", "*harvest"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.position").value(0));
    }

    @Test
    void pagingIsBounded() throws Exception {
        mvc.perform(get("/api/articles").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("size"));
        mvc.perform(get("/api/articles").param("page", "101").param("size", "100"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("page"));
    }

    @Test
    void badParametersAre400s() throws Exception {
        mvc.perform(get("/api/articles").param("from", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(get("/api/articles").param("sort", "random"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/articles").param("minRelevance", "2"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/articles").param("topic", "a b")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/articles").param("page", "x")).andExpect(status().isBadRequest());
        verifyNoInteractions(client);
    }
}
