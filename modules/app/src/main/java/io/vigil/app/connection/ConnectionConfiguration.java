package io.vigil.app.connection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigil.core.elasticsearch.ElasticsearchClients;
import io.vigil.core.elasticsearch.ElasticsearchConnection;
import io.vigil.core.kafka.Topics;
import io.vigil.embedded.EmbeddedProperties;
import io.vigil.embedded.EmbeddedStack;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects the app to Kafka and Elasticsearch: the external clusters when configured, otherwise the
 * embedded ones, which this configuration starts.
 *
 * <p>Everything that talks to Kafka or Elasticsearch depends on the connection beans, which depend
 * on the embedded stack; so on shutdown Spring stops the consumers, then closes the clients, and
 * only then the stack.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    KafkaSettings.class,
    ElasticsearchSettings.class,
    EmbeddedProperties.class
})
public class ConnectionConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionConfiguration.class);

    /** The embedded servers, when either cluster is not external; closed last on shutdown. */
    @Bean
    EmbeddedStackHolder embeddedStack(
            KafkaSettings kafka, ElasticsearchSettings elasticsearch, EmbeddedProperties embedded) {
        if (kafka.external() && elasticsearch.external()) {
            LOG.info(
                    "Using external Kafka {} and Elasticsearch {}",
                    kafka.bootstrapServers(),
                    elasticsearch.uris());
            return new EmbeddedStackHolder(null);
        }
        return new EmbeddedStackHolder(
                EmbeddedStack.start(embedded, !kafka.external(), !elasticsearch.external()));
    }

    @Bean
    KafkaConnectionDetails kafkaConnectionDetails(KafkaSettings kafka, EmbeddedStackHolder stack) {
        List<String> servers =
                kafka.external()
                        ? kafka.bootstrapServers()
                        : List.of(stack.stack().orElseThrow().kafkaBootstrapServers());
        return () -> servers;
    }

    @Bean
    ElasticsearchConnection elasticsearchConnection(
            ElasticsearchSettings settings, EmbeddedStackHolder stack) {
        return settings.connection(stack.stack().map(EmbeddedStack::elasticsearchUri).orElse(null));
    }

    @Bean
    ElasticsearchClient elasticsearchClient(ElasticsearchConnection connection) {
        return ElasticsearchClients.create(connection);
    }

    @Bean
    Topics topics(KafkaSettings kafka) {
        return new Topics(kafka.topicPrefix());
    }

    /** The embedded stack, if any; closing it stops the servers. */
    public record EmbeddedStackHolder(EmbeddedStack embedded) implements AutoCloseable {
        public Optional<EmbeddedStack> stack() {
            return Optional.ofNullable(embedded);
        }

        @Override
        public void close() {
            stack().ifPresent(EmbeddedStack::close);
        }
    }
}
