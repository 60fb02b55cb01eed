package io.vigil.app.connection;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Vigil's Kafka is. With no bootstrap servers (the default), the embedded broker starts.
 * Security settings for an external cluster (TLS, SASL) are Spring Boot's own {@code
 * spring.kafka.*} properties.
 *
 * @param bootstrapServers {@code host:port} of an external cluster; env {@code VIGIL_KAFKA}
 * @param topicPrefix prepended to every topic name, to keep deployments apart on one cluster
 */
@Validated
@ConfigurationProperties("vigil.kafka")
public record KafkaSettings(List<String> bootstrapServers, String topicPrefix) {

    public KafkaSettings {
        bootstrapServers =
                bootstrapServers == null
                        ? List.of()
                        : bootstrapServers.stream()
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .toList();
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
    }

    /** True when an external cluster is configured and nothing is embedded. */
    public boolean external() {
        return !bootstrapServers.isEmpty();
    }
}
