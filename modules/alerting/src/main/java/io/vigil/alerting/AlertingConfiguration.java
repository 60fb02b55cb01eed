package io.vigil.alerting;

import io.vigil.alerting.stream.AlertTopology;
import io.vigil.core.kafka.TopicAdmin;
import io.vigil.core.kafka.Topics;
import java.time.Clock;
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
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The alerting stage: its settings ({@code vigil.alerting.*}), the topics it produces and the stage
 * itself. Needs a {@link Topics} and a {@link KafkaConnectionDetails} bean; uses a {@link
 * JavaMailSender} when there is one (Spring Boot makes it from {@code spring.mail.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertingProperties.class)
public class AlertingConfiguration {

    private static final long DAY_MS = 24L * 3600 * 1000;

    @Bean
    AlertingStage alertingStage(
            AlertingProperties settings,
            Topics topics,
            KafkaConnectionDetails connection,
            ObjectProvider<KafkaProperties> kafkaProperties,
            ObjectProvider<JavaMailSender> mail) {
        Map<String, Object> client =
                Optional.ofNullable(kafkaProperties.getIfAvailable())
                        .map(KafkaProperties::buildStreamsProperties)
                        .map(TopicAdmin::withoutNulls)
                        .orElse(Map.of());
        return new AlertingStage(
                settings,
                topics,
                connection.getStreams().getBootstrapServers(),
                client,
                mail.getIfAvailable(),
                Clock.systemUTC());
    }

    /** Alerts, compacted: the latest version of each, a tombstone for a deleted one. */
    @Bean
    NewTopic alertsTopic(Topics topics) {
        return new NewTopic(topics.alerts(), Optional.empty(), Optional.empty())
                .configs(
                        Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** The delivery log, kept 90 days (see DESIGN.md). */
    @Bean
    NewTopic alertDeliveriesTopic(Topics topics) {
        return new NewTopic(topics.alertDeliveries(), Optional.empty(), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(90 * DAY_MS)));
    }

    /** What the stage could not read, kept 30 days. */
    @Bean
    NewTopic alertingDeadLetterTopic(Topics topics) {
        return new NewTopic(
                        topics.deadLetters(AlertTopology.STAGE), Optional.empty(), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(30 * DAY_MS)));
    }
}
