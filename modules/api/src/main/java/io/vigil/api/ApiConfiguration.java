package io.vigil.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigil.api.search.ArticleController;
import io.vigil.api.search.ArticleSearch;
import io.vigil.api.story.Stories;
import io.vigil.api.story.StoryController;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The search API: {@code /api/articles}, {@code /api/stories}, their error handling and settings
 * ({@code vigil.api.*}). Needs an {@link ElasticsearchClient} bean. OpenAPI at {@code
 * /v3/api-docs}, Swagger UI at {@code /swagger-ui.html} (springdoc).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
@Import({ArticleController.class, StoryController.class, ApiExceptionHandler.class})
public class ApiConfiguration {

    @Bean
    ArticleSearch articleSearch(ElasticsearchClient client, ApiProperties settings) {
        return new ArticleSearch(client, settings);
    }

    @Bean
    Stories stories(ElasticsearchClient client, ApiProperties settings) {
        return new Stories(client, settings);
    }
}
