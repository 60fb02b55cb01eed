package io.vigil.embedded;

import io.vigil.embedded.elasticsearch.ElasticsearchNode;
import io.vigil.embedded.kafka.KafkaBroker;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Kafka broker and Elasticsearch node, started together (in parallel) and stopped
 * together. Either may be left out when an external cluster replaces it.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);

    /** Where the build assembles the node's distribution, relative to the project root. */
    static final Path DIST_IN_SOURCE_TREE =
            Path.of("modules", "elasticsearch-node", "target", "es-dist");

    private final KafkaBroker kafka;
    private final ElasticsearchNode elasticsearch;

    private EmbeddedStack(KafkaBroker kafka, ElasticsearchNode elasticsearch) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
    }

    /**
     * Starts what is asked for and returns when all of it answers.
     *
     * @throws PortInUseException before anything starts, if a configured port is taken
     */
    public static EmbeddedStack start(
            EmbeddedProperties props, boolean withKafka, boolean withElasticsearch) {
        long started = System.nanoTime();
        Path dataDir = props.dataDir().toAbsolutePath().normalize();
        int kafkaPort = 0;
        int controllerPort = 0;
        int esPort = 0;
        if (withKafka) {
            kafkaPort =
                    Ports.claim(props.kafka().port(), "Kafka broker", "vigil.embedded.kafka.port");
            controllerPort =
                    Ports.claim(
                            props.kafka().controllerPort(),
                            "Kafka controller",
                            "vigil.embedded.kafka.controller-port");
        }
        if (withElasticsearch) {
            esPort =
                    Ports.claim(
                            props.elasticsearch().port(),
                            "Elasticsearch node",
                            "vigil.embedded.elasticsearch.port");
        }
        Path logDir = dataDir.resolve("logs");
        CompletableFuture<ElasticsearchNode> es =
                withElasticsearch
                        ? CompletableFuture.supplyAsync(
                                launchOf(props, dataDir, logDir, esPort)::start)
                        : CompletableFuture.completedFuture(null);
        KafkaBroker broker = null;
        try {
            if (withKafka) {
                broker =
                        KafkaBroker.start(
                                dataDir.resolve("kafka"),
                                kafkaPort,
                                controllerPort,
                                Duration.ofSeconds(60));
            }
            ElasticsearchNode node = es.join();
            LOG.info(
                    "Embedded stack up in {} ms: kafka={} elasticsearch={} data={}",
                    (System.nanoTime() - started) / 1_000_000,
                    broker == null ? "external" : broker.bootstrapServers(),
                    node == null ? "external" : node.uri(),
                    dataDir);
            return new EmbeddedStack(broker, node);
        } catch (RuntimeException e) {
            es.thenAccept(
                            node -> {
                                if (node != null) {
                                    node.close();
                                }
                            })
                    .exceptionally(ignored -> null);
            if (broker != null) {
                broker.close();
            }
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException r
                    ? r
                    : e;
        }
    }

    private static Starter launchOf(EmbeddedProperties props, Path dataDir, Path logDir, int port) {
        EmbeddedProperties.Elasticsearch es = props.elasticsearch();
        ElasticsearchNode.Launch launch =
                new ElasticsearchNode.Launch(
                        distribution(es.distribution()),
                        dataDir.resolve("elasticsearch"),
                        logDir,
                        port,
                        es.heap().toBytes(),
                        es.jvmOptions(),
                        es.startTimeout());
        return new Starter(launch);
    }

    private record Starter(ElasticsearchNode.Launch launch) {
        ElasticsearchNode start() {
            return ElasticsearchNode.start(launch);
        }
    }

    /**
     * The configured distribution, else the system property the build sets for tests, else the
     * build output found from the working directory upwards.
     */
    static Path distribution(Path configured) {
        if (configured != null) {
            return configured;
        }
        String property = System.getProperty("vigil.embedded.elasticsearch.distribution");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DIST_IN_SOURCE_TREE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("").toAbsolutePath().resolve(DIST_IN_SOURCE_TREE);
    }

    /** {@code host:port} of the embedded broker, or null when Kafka is external. */
    public String kafkaBootstrapServers() {
        return kafka == null ? null : kafka.bootstrapServers();
    }

    /** The embedded node's HTTP address, or null when Elasticsearch is external. */
    public URI elasticsearchUri() {
        return elasticsearch == null ? null : elasticsearch.uri();
    }

    /** Process id of the Elasticsearch child JVM, or -1. */
    public long elasticsearchPid() {
        return elasticsearch == null ? -1 : elasticsearch.pid();
    }

    /** Stops both servers at once. Call it after every consumer of this stack has stopped. */
    @Override
    public void close() {
        CompletableFuture<Void> es =
                elasticsearch == null
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.runAsync(elasticsearch::close);
        if (kafka != null) {
            kafka.close();
        }
        es.join();
    }
}
