package io.vigil.classifier;

import io.vigil.classifier.stream.ClassifierStreams;
import io.vigil.classifier.stream.ClassifierTopology;
import io.vigil.core.kafka.TopicAdmin;
import io.vigil.core.kafka.Topics;
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
 * The classifier stage: its settings ({@code vigil.classifier.*}), the classifier built from the
 * topic files and models, the topics it produces and the Kafka Streams application. Needs a {@link
 * Topics} and a {@link KafkaConnectionDetails} bean. A topic file that is not valid stops the start
 * with a message naming the file and field.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClassifierProperties.class)
public class ClassifierConfiguration {

    private static final long DAY_MS = 24L * 3600 * 1000;

    @Bean
    Classifier classifier(ClassifierProperties settings) {
        return ClassifierSetup.build(
                settings.topicsDir(),
                settings.labelsDir(),
                settings.modelsDir(),
                settings.lowAccuracyLanguages());
    }

    @Bean
    ClassifierStreams classifierStreams(
            ClassifierProperties settings,
            Classifier classifier,
            Topics topics,
            KafkaConnectionDetails connection,
            ObjectProvider<KafkaProperties> kafkaProperties) {
        Map<String, Object> client =
                Optional.ofNullable(kafkaProperties.getIfAvailable())
                        .map(KafkaProperties::buildStreamsProperties)
                        .map(TopicAdmin::withoutNulls)
                        .orElse(Map.of());
        return new ClassifierStreams(
                settings,
                classifier,
                topics,
                connection.getStreams().getBootstrapServers(),
                client);
    }

    /** The stage's output, kept 30 days (see DESIGN.md). */
    @Bean
    NewTopic articlesClassifiedTopic(Topics topics) {
        return new NewTopic(topics.articlesClassified(), Optional.empty(), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(30 * DAY_MS)));
    }

    /**
     * Analysts' relevance judgements (compacted: the latest per topic and article), which {@code
     * vigil train} adds to the labelled set. The dashboard's "relevant / not relevant" buttons
     * write here.
     */
    @Bean
    NewTopic relevanceFeedbackTopic(Topics topics) {
        return new NewTopic(topics.relevanceFeedback(), Optional.empty(), Optional.empty())
                .configs(
                        Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** What the stage could not read or classify, kept 30 days. */
    @Bean
    NewTopic classifierDeadLetterTopic(Topics topics) {
        return new NewTopic(
                        topics.deadLetters(ClassifierTopology.STAGE),
                        Optional.empty(),
                        Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(30 * DAY_MS)));
    }
}
