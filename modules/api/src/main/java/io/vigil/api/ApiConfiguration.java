package io.vigil.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigil.api.feedback.FeedbackController;
import io.vigil.api.search.ArticleController;
import io.vigil.api.search.ArticleSearch;
import io.vigil.api.source.FeedCatalog;
import io.vigil.api.source.FeedCatalogReader;
import io.vigil.api.source.RecordPublisher;
import io.vigil.api.source.SourceController;
import io.vigil.api.story.Stories;
import io.vigil.api.story.StoryController;
import io.vigil.api.trend.TrendController;
import io.vigil.api.trend.TrendSearch;
import io.vigil.core.kafka.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The API: search ({@code /api/articles}, {@code /api/stories}), trends ({@code /api/trends}),
 * sources ({@code /api/feeds}) and relevance feedback, their error handling and settings ({@code
 * vigil.api.*}). Needs {@link ElasticsearchClient}, {@link Topics} and {@link
 * KafkaConnectionDetails} beans; Kafka client security from {@link KafkaProperties} when present.
 * OpenAPI at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html} (springdoc).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
@Import({
    ArticleController.class,
    StoryController.class,
    TrendController.class,
    SourceController.class,
    FeedbackController.class,
    ApiExceptionHandler.class
})
public class ApiConfiguration {

    @Bean
    ArticleSearch articleSearch(ElasticsearchClient client, ApiProperties settings) {
        return new ArticleSearch(client, settings);
    }

    @Bean
    Stories stories(ElasticsearchClient client, ApiProperties settings) {
        return new Stories(client, settings);
    }

    @Bean
    TrendSearch trendSearch(ElasticsearchClient client, ApiProperties settings) {
        return new TrendSearch(client, settings, true);
    }

    @Bean
    FeedCatalog feedCatalog() {
        return new FeedCatalog();
    }

    @Bean
    FeedCatalogReader feedCatalogReader(
            FeedCatalog catalog,
            Topics topics,
            KafkaConnectionDetails connection,
            ObjectProvider<KafkaProperties> kafkaProperties) {
        Map<String, Object> consumer =
                new HashMap<>(
                        Optional.ofNullable(kafkaProperties.getIfAvailable())
                                .map(KafkaProperties::buildConsumerProperties)
                                .orElse(Map.of()));
        consumer.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", connection.getConsumer().getBootstrapServers()));
        return new FeedCatalogReader(catalog, topics, consumer);
    }

    @Bean(destroyMethod = "close")
    RecordPublisher recordPublisher(
            KafkaConnectionDetails connection, ObjectProvider<KafkaProperties> kafkaProperties) {
        Map<String, Object> producer =
                new HashMap<>(
                        Optional.ofNullable(kafkaProperties.getIfAvailable())
                                .map(KafkaProperties::buildProducerProperties)
                                .orElse(Map.of()));
        producer.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", connection.getProducer().getBootstrapServers()));
        return new RecordPublisher(producer);
    }
}
