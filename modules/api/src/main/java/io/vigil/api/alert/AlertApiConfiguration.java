package io.vigil.api.alert;

import io.vigil.api.ApiProperties;
import io.vigil.api.search.ArticleSearch;
import io.vigil.core.kafka.TopicAdmin;
import io.vigil.core.kafka.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alerts API ({@code /api/alerts}): its store (the alerts topic) and history (the delivery
 * log). Needs the search API's beans ({@code ApiConfiguration}), a {@link Topics} and a {@link
 * KafkaConnectionDetails} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertApiProperties.class)
public class AlertApiConfiguration {

    @Bean(destroyMethod = "close")
    AlertStore alertStore(
            Topics topics,
            KafkaConnectionDetails connection,
            ObjectProvider<KafkaProperties> kafka) {
        List<String> servers = connection.getBootstrapServers();
        Map<String, Object> client = client(kafka);
        TopicAdmin.ensureExist(servers, client, List.of(topics.alerts(), topics.alertDeliveries()));
        return new AlertStore(servers, client, topics.alerts());
    }

    @Bean(destroyMethod = "close")
    DeliveryHistory deliveryHistory(
            Topics topics,
            KafkaConnectionDetails connection,
            ObjectProvider<KafkaProperties> kafka,
            AlertApiProperties settings,
            AlertStore store) {
        return new DeliveryHistory(
                connection.getBootstrapServers(),
                client(kafka),
                topics.alertDeliveries(),
                settings.historyPerAlert());
    }

    @Bean
    AlertController alertController(
            AlertStore store,
            DeliveryHistory history,
            ArticleSearch search,
            ApiProperties settings) {
        return new AlertController(store, history, search, settings, Clock.systemUTC());
    }

    private static Map<String, Object> client(ObjectProvider<KafkaProperties> kafka) {
        return Optional.ofNullable(kafka.getIfAvailable())
                .map(KafkaProperties::buildConsumerProperties)
                .map(TopicAdmin::withoutNulls)
                .orElse(Map.of());
    }
}
