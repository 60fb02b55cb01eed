package io.vigil.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigil.core.kafka.Topics;
import io.vigil.indexer.ingest.ArticleIndexer;
import io.vigil.indexer.template.IndexTemplates;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The indexer stage: its settings ({@code vigil.indexer.*}), the index template (applied before the
 * indexer starts), the indexer itself as a lifecycle bean and its dead-letter topic. Needs a {@link
 * Topics}, a {@link KafkaConnectionDetails} and an {@link ElasticsearchClient} bean; takes Kafka
 * client security settings from {@link KafkaProperties} when present.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IndexerProperties.class)
public class IndexerConfiguration {

    /** The article template, applied once at start-up; the indexer depends on it. */
    @Bean
    IndexTemplates.Outcome articleTemplate(ElasticsearchClient client, IndexerProperties settings) {
        return new IndexTemplates(client).applyArticles(settings.alias());
    }

    @Bean
    ArticleIndexer articleIndexer(
            IndexerProperties settings,
            Topics topics,
            ElasticsearchClient client,
            KafkaConnectionDetails connection,
            ObjectProvider<KafkaProperties> kafkaProperties,
            IndexTemplates.Outcome articleTemplate) {
        Optional<KafkaProperties> kafka = Optional.ofNullable(kafkaProperties.getIfAvailable());
        Map<String, Object> consumer =
                new HashMap<>(kafka.map(KafkaProperties::buildConsumerProperties).orElse(Map.of()));
        consumer.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", connection.getConsumer().getBootstrapServers()));
        Map<String, Object> producer =
                new HashMap<>(kafka.map(KafkaProperties::buildProducerProperties).orElse(Map.of()));
        producer.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", connection.getProducer().getBootstrapServers()));
        return new ArticleIndexer(settings, topics, client, consumer, producer, Clock.systemUTC());
    }

    /** What Elasticsearch rejected, kept 30 days. */
    @Bean
    NewTopic indexerDeadLetterTopic(Topics topics) {
        return new NewTopic(topics.deadLetters("indexer"), Optional.empty(), Optional.empty())
                .configs(
                        Map.of(
                                TopicConfig.RETENTION_MS_CONFIG,
                                Long.toString(Duration.ofDays(30).toMillis())));
    }
}
