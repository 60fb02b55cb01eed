package io.vigil.core.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Small administrative chores stages share. */
public final class TopicAdmin {

    private TopicAdmin() {}

    /**
     * Creates the topics (with the broker's defaults) that do not exist yet, so that a stream
     * processor can start before the stage that produces its input ever ran: Kafka Streams does not
     * start on a missing source topic.
     *
     * @param bootstrapServers the brokers
     * @param clientProperties further client settings (security); non-admin keys are ignored
     * @return the topics created
     * @throws IllegalStateException when Kafka does not answer
     */
    public static List<String> ensureExist(
            List<String> bootstrapServers,
            Map<String, Object> clientProperties,
            List<String> names) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        config.keySet().retainAll(AdminClientConfig.configNames());
        List<String> created = new ArrayList<>();
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, Optional.empty(), Optional.empty()));
                }
            }
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e);
                    }
                }
            }
            if (!missing.isEmpty()) {
                awaitMetadata(admin, names);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer about topics " + names, e);
        }
        return created;
    }

    /**
     * Waits until the brokers describe every topic: a topic just created can be missing from a
     * broker's metadata for a moment, and Kafka Streams treats a source topic missing at its first
     * rebalance as fatal.
     */
    private static void awaitMetadata(Admin admin, List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + names + " not visible yet", e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Client settings to merge: a copy of {@code properties} without nulls. */
    public static Map<String, Object> withoutNulls(Map<String, Object> properties) {
        Map<String, Object> copy = new HashMap<>();
        properties.forEach(
                (k, v) -> {
                    if (v != null) {
                        copy.put(k, v);
                    }
                });
        return copy;
    }
}
