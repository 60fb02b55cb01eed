package io.vigil.app.security;

import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.core.user.User;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users, materialised from the compacted {@code vigil.users} topic: every instance reads all of
 * it (no consumer group) and follows it, so a user added on one instance can sign in on all. {@link
 * #open} returns once the topic has been read to its end. Writes wait for Kafka's acknowledgement
 * and are visible here at once. Thread-safe.
 */
public final class UserStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UserStore.class);

    private final String topic;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, String> keyOwners = new ConcurrentHashMap<>();
    private final JsonSerde<User> serde = JsonSerde.of(User.class);
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean running = true;

    private UserStore(Topics topics, Map<String, Object> consumer, Map<String, Object> producer) {
        this.topic = topics.users();
        Map<String, Object> c = new HashMap<>(consumer);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> p = new HashMap<>(producer);
        p.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.reader = new Thread(this::follow, "vigil-users");
        reader.setDaemon(true);
    }

    /**
     * Reads the users topic (which must exist) to its end, then follows it.
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}
     */
    public static UserStore open(
            Topics topics,
            Map<String, Object> consumer,
            Map<String, Object> producer,
            Duration timeout) {
        UserStore store = new UserStore(topics, consumer, producer);
        store.reader.start();
        try {
            if (!store.caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                store.close();
                throw new IllegalStateException(
                        "could not read the users topic " + store.topic + " within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.close();
            throw new IllegalStateException("interrupted while reading users", e);
        }
        LOG.info("{} user(s) loaded from {}", store.users.size(), store.topic);
        return store;
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = List.of();
            while (running && partitions.isEmpty()) {
                partitions =
                        consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                                .map(p -> new TopicPartition(p.topic(), p.partition()))
                                .toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    apply(r.key(), r.value());
                }
                if (caughtUp.getCount() > 0
                        && end.entrySet().stream()
                                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            LOG.debug("users reader woken up to stop");
        } catch (RuntimeException e) {
            LOG.error("The users reader stopped: {}", e.toString());
        } finally {
            consumer.close();
        }
    }

    private synchronized void apply(String name, byte[] value) {
        if (name == null) {
            return;
        }
        User previous;
        try {
            previous =
                    value == null
                            ? users.remove(name)
                            : users.put(name, serde.deserialize(topic, value));
        } catch (RuntimeException e) {
            LOG.warn("Unreadable user record {}: {}", name, e.toString());
            return;
        }
        if (previous != null) {
            previous.apiKeys().forEach(k -> keyOwners.remove(k.sha256()));
        }
        User now = users.get(name);
        if (now != null) {
            now.apiKeys().forEach(k -> keyOwners.put(k.sha256(), name));
        }
    }

    /** The user, or null. */
    public User find(String username) {
        return users.get(username);
    }

    /** The owner of the API key, or null. */
    public User findByKey(String key) {
        String owner = keyOwners.get(ApiKeys.sha256(key));
        return owner == null ? null : users.get(owner);
    }

    /** All users by name. */
    public List<User> all() {
        Collection<User> values = users.values();
        return values.stream().sorted(Comparator.comparing(User::username)).toList();
    }

    /** True when no user exists. */
    public boolean isEmpty() {
        return users.isEmpty();
    }

    /** Writes the user (replacing one of the same name) and waits for Kafka. */
    public void save(User user) {
        write(user.username(), serde.serialize(topic, user));
        apply(user.username(), serde.serialize(topic, user));
    }

    /** Removes the user (a tombstone) and waits for Kafka. */
    public void delete(String username) {
        write(username, null);
        apply(username, null);
    }

    private void write(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a user", e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
