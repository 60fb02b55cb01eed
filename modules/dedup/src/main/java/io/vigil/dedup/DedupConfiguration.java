package io.vigil.dedup;

import io.vigil.core.kafka.TopicAdmin;
import io.vigil.core.kafka.Topics;
import io.vigil.dedup.stream.DedupStreams;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dedup stage: its settings ({@code vigil.dedup.*}), the topics it produces and the Kafka
 * Streams application, started and stopped with the context. Needs a {@link Topics} and a {@link
 * KafkaConnectionDetails} bean; takes client security settings from {@link KafkaProperties} when
 * there is one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DedupProperties.class)
public class DedupConfiguration {

    private static final long WEEK_MS = 7L * 24 * 3600 * 1000;

    @Bean
    DedupStreams dedupStreams(
            DedupProperties settings,
            Topics topics,
            KafkaConnectionDetails connection,
            ObjectProvider<KafkaProperties> kafkaProperties) {
        Map<String, Object> client =
                Optional.ofNullable(kafkaProperties.getIfAvailable())
                        .map(KafkaProperties::buildStreamsProperties)
                        .map(TopicAdmin::withoutNulls)
                        .orElse(Map.of());
        return new DedupStreams(
                settings, topics, connection.getStreams().getBootstrapServers(), client);
    }

    /** The stage's output, kept a week (see DESIGN.md). */
    @Bean
    NewTopic articlesAcceptedTopic(Topics topics) {
        return new NewTopic(topics.articlesAccepted(), Optional.empty(), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(WEEK_MS)));
    }

    /** What the stage could not read, kept 30 days. */
    @Bean
    NewTopic dedupDeadLetterTopic(Topics topics) {
        return new NewTopic(topics.deadLetters("dedup"), Optional.empty(), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(30 * WEEK_MS / 7)));
    }
}
