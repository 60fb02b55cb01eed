package io.vigil.crawler.page;

import io.vigil.core.event.ArticleFetched;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.event.FeedEntryDiscovered;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Thin listener: each discovered entry goes through {@link PageFetcher}; the article goes to the
 * fetched-articles topic keyed by article id, a failure to the crawler's dead-letter topic. The
 * offset is committed only after the output is acknowledged (at least once; the article id makes a
 * repeat harmless downstream).
 */
public final class PageFetchListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageFetchListener.class);
    private static final JsonSerde<FeedEntryDiscovered> ENTRY =
            JsonSerde.of(FeedEntryDiscovered.class);
    private static final JsonSerde<ArticleFetched> ARTICLE = JsonSerde.of(ArticleFetched.class);
    private static final JsonSerde<DeadLetter> DEAD = JsonSerde.of(DeadLetter.class);

    private final PageFetcher fetcher;
    private final Topics topics;
    private final KafkaProducer<String, byte[]> producer;
    private final Clock clock;

    public PageFetchListener(
            PageFetcher fetcher, Topics topics, Map<String, Object> producerConfig, Clock clock) {
        this.fetcher = fetcher;
        this.topics = topics;
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.clock = clock;
    }

    @KafkaListener(
            id = "vigil-page-fetcher",
            topics = "#{@topics.entriesDiscovered()}",
            groupId = "#{@topics.prefix()}vigil-page-fetcher",
            concurrency = "${vigil.crawler.pages.concurrency:4}",
            properties = {
                "max.poll.records=5",
                "max.poll.interval.ms=900000",
                "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
            })
    public void onEntry(ConsumerRecord<String, byte[]> record) {
        String json =
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        FeedEntryDiscovered entry;
        try {
            entry = ENTRY.deserialize(record.topic(), record.value());
        } catch (SerializationException | IllegalArgumentException | NullPointerException e) {
            LOG.warn(
                    "Unreadable entry at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            send(
                    topics.deadLetters(PageFetcher.STAGE),
                    record.key(),
                    DEAD.serialize(
                            null,
                            new DeadLetter(
                                    DeadLetter.SCHEMA,
                                    PageFetcher.STAGE,
                                    "page-1",
                                    record.topic(),
                                    record.key(),
                                    json,
                                    "UNREADABLE_RECORD",
                                    String.valueOf(e.getMessage()),
                                    clock.instant())));
            return;
        }
        if (entry == null) {
            return;
        }
        PageFetcher.Result result = fetcher.fetch(entry, json);
        if (result instanceof PageFetcher.Fetched fetched) {
            ArticleFetched a = fetched.article();
            LOG.debug("Fetched {} as {}", entry.url(), a.articleId());
            send(topics.articlesFetched(), a.articleId(), ARTICLE.serialize(null, a));
        } else if (result instanceof PageFetcher.Failed failed) {
            DeadLetter d = failed.deadLetter();
            LOG.info("No article from {}: {}", entry.url(), d.reason());
            send(
                    topics.deadLetters(PageFetcher.STAGE),
                    record.key(),
                    DEAD.serialize(null, withSource(d, record.topic())));
        }
    }

    private static DeadLetter withSource(DeadLetter d, String topic) {
        return new DeadLetter(
                d.schema(),
                d.stage(),
                d.stageVersion(),
                topic,
                d.key(),
                d.input(),
                d.reason(),
                d.detail(),
                d.failedAt());
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot publish to " + topic, e); // infrastructure: retried
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
