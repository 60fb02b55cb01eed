package io.vigil.crawler.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.core.feed.Feed;
import io.vigil.core.feed.FeedHealth;
import io.vigil.core.feed.FeedState;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the feeds this instance owns. Feeds are records of the compacted feeds topic; the consumer
 * group splits its partitions between crawler instances, and the feed-state topic has the same
 * partitions, so the owner of a feed restores that feed's state when it takes the partition over.
 * Each poll's entries and next state are published in one transaction (see {@link FeedPublisher}):
 * a restart, even mid-cycle, neither loses nor repeats an entry.
 */
public final class FeedCrawler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FeedCrawler.class);
    private static final JsonSerde<Feed> FEED = JsonSerde.of(Feed.class);

    private final Topics topics;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final FeedPoller poller;
    private final FeedSettings settings;
    private final ScheduleDefaults defaults;
    private final Clock clock;
    private final CrawlerMetrics metrics;

    private final Map<String, Owned> owned = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<FeedPoller.Poll> done = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private ExecutorService workers;
    private Thread consumerThread;
    private Thread publisherThread;
    private volatile KafkaConsumer<String, byte[]> consumer;

    /** A feed this instance polls, with its partition and its last committed state. */
    private record Owned(Feed feed, int partition, FeedState state) {}

    /** The interval a feed without history starts with. */
    public record ScheduleDefaults(Duration initialInterval) {}

    public FeedCrawler(
            Topics topics,
            Map<String, Object> consumerConfig,
            Map<String, Object> producerConfig,
            FeedPoller poller,
            FeedSettings settings,
            ScheduleDefaults defaults,
            Clock clock,
            MeterRegistry registry) {
        this.topics = topics;
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, topics.prefix() + "vigil-crawler");
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // static membership: a restarted instance (same id) gets its feeds back at once instead of
        // after the dead member's session timeout; a graceful stop leaves the group explicitly
        this.consumerConfig.put(
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                topics.prefix() + "vigil-crawler-" + settings.instanceId());
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.producerConfig = producerConfig;
        this.poller = poller;
        this.settings = settings;
        this.defaults = defaults;
        this.clock = clock;
        this.metrics = new CrawlerMetrics(registry, this::healthCounts);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        if (java.nio.file.Files.exists(settings.seeds())) {
            FeedSeeder.publish(settings.seeds(), topics, producerConfig);
        } else {
            LOG.warn(
                    "No seed list at {}; polling only feeds already on {}",
                    settings.seeds(),
                    topics.feeds());
        }
        workers =
                Executors.newFixedThreadPool(settings.workers(), r -> daemon(r, "vigil-feed-poll"));
        FeedPublisher publisher =
                new FeedPublisher(
                        producerConfig, topics, topics.prefix() + "vigil-" + settings.instanceId());
        publisherThread = daemon(() -> publishLoop(publisher), "vigil-feed-publish");
        consumerThread = daemon(this::consumeLoop, "vigil-feed-consume");
        publisherThread.start();
        consumerThread.start();
        LOG.info("Feed crawler {} started", settings.instanceId());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        join(consumerThread);
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        join(publisherThread);
        LOG.info("Feed crawler {} stopped", settings.instanceId());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Feeds owned by this instance, by health; for metrics and status pages. */
    public Map<FeedHealth, Long> healthCounts() {
        return owned.values().stream()
                .collect(Collectors.groupingBy(o -> o.state().health(), Collectors.counting()));
    }

    /** The last committed state of each feed this instance owns. */
    public List<FeedState> states() {
        return owned.values().stream().map(Owned::state).toList();
    }

    private void consumeLoop() {
        KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(
                        consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            consumer = c;
            FeedStateRestorer restorer = new FeedStateRestorer(consumerConfig, topics.feedState());
            Map<Integer, Map<String, FeedState>> restored = new ConcurrentHashMap<>();
            c.subscribe(List.of(topics.feeds()), new Rebalance(c, restorer, restored));
            long nextTick = 0;
            while (running) {
                for (ConsumerRecord<String, byte[]> r : c.poll(settings.tick())) {
                    accept(r, restored.getOrDefault(r.partition(), Map.of()));
                }
                if (System.nanoTime() >= nextTick) {
                    dispatchDue();
                    nextTick = System.nanoTime() + settings.tick().toNanos();
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.error("The feed crawler's consumer failed; feeds are no longer polled", e);
            running = false;
        } finally {
            c.close(
                    CloseOptions.groupMembershipOperation(
                                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                            .withTimeout(Duration.ofSeconds(10)));
        }
    }

    private void accept(ConsumerRecord<String, byte[]> r, Map<String, FeedState> restored) {
        if (r.value() == null) {
            owned.remove(r.key());
            return;
        }
        Feed feed;
        try {
            feed = FEED.deserialize(r.topic(), r.value());
        } catch (SerializationException | IllegalArgumentException | NullPointerException e) {
            LOG.warn(
                    "Skipping an unreadable feed definition {} at offset {}: {}",
                    r.key(),
                    r.offset(),
                    e.getMessage());
            metrics.badDefinition();
            return;
        }
        owned.compute(
                feed.id(),
                (id, old) -> {
                    FeedState state = old != null ? old.state() : restored.get(id);
                    if (state == null || (old != null && !old.feed().url().equals(feed.url()))) {
                        state =
                                FeedState.initial(
                                        feed, defaults.initialInterval(), clock.instant());
                    }
                    return new Owned(feed, r.partition(), state);
                });
    }

    private void dispatchDue() {
        Instant now = clock.instant();
        for (Owned o : owned.values()) {
            String id = o.feed().id();
            if (o.state().health() == FeedHealth.GONE
                    || o.state().nextPoll().isAfter(now)
                    || !inFlight.add(id)) {
                continue;
            }
            workers.execute(() -> pollOne(o));
        }
    }

    private void pollOne(Owned o) {
        try {
            done.put(poller.poll(o.feed(), o.state()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight.remove(o.feed().id());
        } catch (RuntimeException e) {
            LOG.error("Polling feed {} failed unexpectedly", o.feed().id(), e);
            inFlight.remove(o.feed().id());
        }
    }

    private void publishLoop(FeedPublisher publisher) {
        try (publisher) {
            while (running || !inFlight.isEmpty()) {
                FeedPoller.Poll first = done.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!running && workers.isTerminated()) {
                        break;
                    }
                    continue;
                }
                List<FeedPoller.Poll> batch = new ArrayList<>();
                batch.add(first);
                done.drainTo(batch, 499);
                boolean committed = publisher.publish(batch);
                for (FeedPoller.Poll p : batch) {
                    String id = p.state().feedId();
                    if (committed) {
                        owned.computeIfPresent(
                                id, (k, o) -> new Owned(o.feed(), o.partition(), p.state()));
                        metrics.polled(p.outcome(), p.entries().size());
                    }
                    inFlight.remove(id);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Restores states on assignment; waits for in-flight polls on revocation. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> consumer;
        private final FeedStateRestorer restorer;
        private final Map<Integer, Map<String, FeedState>> restored;

        Rebalance(
                KafkaConsumer<String, byte[]> consumer,
                FeedStateRestorer restorer,
                Map<Integer, Map<String, FeedState>> restored) {
            this.consumer = consumer;
            this.restorer = restorer;
            this.restored = restored;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
            Map<String, FeedState> states = restorer.restore(numbers, Duration.ofMinutes(2));
            for (Integer p : numbers) {
                restored.put(p, states);
            }
            consumer.seekToBeginning(partitions); // every feed of the partition, from the start
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Set<Integer> numbers =
                    partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
            Set<String> leaving =
                    owned.values().stream()
                            .filter(o -> numbers.contains(o.partition()))
                            .map(o -> o.feed().id())
                            .collect(Collectors.toSet());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (leaving.stream().anyMatch(inFlight::contains) && System.nanoTime() < deadline) {
                sleep(50); // let in-flight polls of these feeds commit before another owner starts
            }
            owned.keySet().removeAll(leaving);
            numbers.forEach(restored::remove);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(TimeUnit.MINUTES.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
