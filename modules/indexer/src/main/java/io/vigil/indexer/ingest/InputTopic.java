package io.vigil.indexer.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the indexer's input topic (broker defaults) when it does not exist yet, so that the
 * indexer can start, and others can publish to it, before the classifier that produces it ever ran.
 */
final class InputTopic {

    private static final Logger LOG = LoggerFactory.getLogger(InputTopic.class);

    private InputTopic() {}

    static void ensure(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.keySet().retainAll(AdminClientConfig.configNames());
        try (Admin admin = Admin.create(config)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                LOG.info("Created the input topic {}", topic);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot check the input topic " + topic, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the input topic", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer about " + topic, e);
        }
    }
}
