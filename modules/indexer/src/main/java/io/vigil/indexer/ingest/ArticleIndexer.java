package io.vigil.indexer.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import io.vigil.core.kafka.Topics;
import io.vigil.core.search.ArticleDocument;
import io.vigil.indexer.IndexerProperties;
import io.vigil.indexer.document.ArticleDocuments;
import io.vigil.indexer.document.IndexLocator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.SmartLifecycle;

/**
 * Thin listener of the classified-articles topic: each record becomes an {@link ArticleDocument}
 * ({@link ArticleDocuments}), written by a {@link BulkIngester} to the monthly index {@link
 * IndexLocator} picks, with {@code _id} = article id and version = fetch time ({@code
 * external_gte}: a newer fetch replaces an older one, never the reverse).
 *
 * <p>At least once, without duplicates: offsets are committed only up to the first record
 * Elasticsearch has not acknowledged ({@link OffsetTracker}), and a record read twice overwrites
 * itself. Back-pressure: the consumer pauses while too many records wait for Elasticsearch. A
 * retriable failure (429, 5xx, unreachable) pauses consumption, waits for the requests in flight,
 * seeks back to the first record not done and resumes after an exponential back-off; what
 * Elasticsearch rejects goes to {@code vigil.dlq.indexer}. One consumer thread owns the Kafka
 * consumer; the ingester's threads only mark records done.
 */
public final class ArticleIndexer implements SmartLifecycle {

    private final IndexerProperties settings;
    private final Topics topics;
    private final ElasticsearchClient client;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final Clock clock;

    private volatile boolean running;
    private volatile boolean crashed;
    private Thread thread;
    private volatile IndexingLoop loop;

    /**
     * @param consumerConfig Kafka client settings (bootstrap servers, security); the indexer sets
     *     its group, deserializers, manual commits and read_committed itself
     * @param producerConfig Kafka producer settings for dead letters
     */
    public ArticleIndexer(
            IndexerProperties settings,
            Topics topics,
            ElasticsearchClient client,
            Map<String, Object> consumerConfig,
            Map<String, Object> producerConfig,
            Clock clock) {
        this.settings = settings;
        this.topics = topics;
        this.client = client;
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.producerConfig = Map.copyOf(producerConfig);
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        InputTopic.ensure(consumerConfig, topics.articlesClassified());
        running = true;
        crashed = false;
        loop =
                new IndexingLoop(
                        settings,
                        topics,
                        client,
                        consumerConfig,
                        producerConfig,
                        clock,
                        () -> running,
                        () -> crashed);
        thread = new Thread(loop::run, "vigil-indexer");
        thread.start();
    }

    /** Stops after committing what Elasticsearch acknowledged (waits up to 30 s). */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        loop.consumer.wakeup();
        join();
    }

    /**
     * Stops at once without flushing or committing, as a killed process would (tests): what was not
     * committed is read again by the next owner of the partitions. Unlike a killed process it
     * leaves the consumer group at once, so that the next owner need not wait for the session
     * timeout.
     */
    public synchronized void crash() {
        crashed = true;
        stop();
    }

    private void join() {
        try {
            thread.join(Duration.ofSeconds(45).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Documents written since start (stale and rejected ones not counted). */
    public long indexed() {
        IndexingLoop l = loop;
        return l == null ? 0 : l.listener.indexed();
    }

    /** Stale fetches skipped since start. */
    public long stale() {
        IndexingLoop l = loop;
        return l == null ? 0 : l.listener.stale();
    }

    /** Documents Elasticsearch rejected since start (sent to the dead-letter topic). */
    public long rejected() {
        IndexingLoop l = loop;
        return l == null ? 0 : l.listener.rejected();
    }

    /** Records done (indexed, stale or dead-lettered) since start. */
    public long done() {
        IndexingLoop l = loop;
        return l == null ? 0 : l.tracker.doneCount();
    }
}
