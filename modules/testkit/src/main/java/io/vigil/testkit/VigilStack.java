package io.vigil.testkit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigil.core.elasticsearch.ElasticsearchClients;
import io.vigil.core.elasticsearch.ElasticsearchConnection;
import io.vigil.embedded.EmbeddedProperties;
import io.vigil.embedded.EmbeddedStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker and Elasticsearch node the tests of one JVM share: the external ones named by
 * {@code VIGIL_KAFKA} and {@code VIGIL_ELASTICSEARCH} when those are set, otherwise the project's
 * embedded servers, started once (on free ports, with fresh data under {@code target/}) and stopped
 * when the JVM exits.
 *
 * <p>Tests never share names: each takes a {@link TestNamespace} for its topics and indices.
 */
public final class VigilStack {

    private static final Logger LOG = LoggerFactory.getLogger(VigilStack.class);

    /** Environment variable naming external Kafka bootstrap servers. */
    public static final String ENV_KAFKA = "VIGIL_KAFKA";

    /** Environment variable naming an external Elasticsearch URI. */
    public static final String ENV_ELASTICSEARCH = "VIGIL_ELASTICSEARCH";

    private static VigilStack shared;

    private final String kafkaBootstrapServers;
    private final URI elasticsearchUri;
    private final EmbeddedStack embedded;
    private final ElasticsearchClient elasticsearch;
    private final Admin admin;

    private VigilStack(String kafka, URI elasticsearchUri, EmbeddedStack embedded) {
        this.kafkaBootstrapServers = kafka;
        this.elasticsearchUri = elasticsearchUri;
        this.embedded = embedded;
        this.elasticsearch =
                ElasticsearchClients.create(ElasticsearchConnection.of(elasticsearchUri));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        this.admin = Admin.create(props);
    }

    /** The stack of this JVM, started on first use. */
    public static synchronized VigilStack shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(shared::close, "vigil-test-stack-stop"));
        }
        return shared;
    }

    private static VigilStack start() {
        String kafka = setting(ENV_KAFKA);
        String es = setting(ENV_ELASTICSEARCH);
        EmbeddedStack embedded = null;
        if (kafka == null || es == null) {
            Path dataDir = Path.of("target", "vigil-test-stack").toAbsolutePath();
            deleteRecursively(dataDir);
            LOG.info("Starting the embedded test stack in {}", dataDir);
            embedded =
                    EmbeddedStack.start(
                            EmbeddedProperties.defaults(dataDir).withFreePorts(),
                            kafka == null,
                            es == null);
            kafka = kafka == null ? embedded.kafkaBootstrapServers() : kafka;
            es = es == null ? embedded.elasticsearchUri().toString() : es;
        }
        LOG.info("Test stack: kafka={} elasticsearch={}", kafka, es);
        return new VigilStack(kafka, URI.create(es), embedded);
    }

    private static String setting(String env) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public URI elasticsearchUri() {
        return elasticsearchUri;
    }

    /** A client shared by the tests; do not close it. */
    public ElasticsearchClient elasticsearch() {
        return elasticsearch;
    }

    /** An admin client shared by the tests; do not close it. */
    public Admin admin() {
        return admin;
    }

    /** The embedded servers, or null when both are external. */
    public EmbeddedStack embedded() {
        return embedded;
    }

    /** A fresh set of names for one test class. */
    public TestNamespace newNamespace(String hint) {
        String clean = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        if (clean.length() > 30) {
            clean = clean.substring(0, 30);
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new TestNamespace("t-" + clean + "-" + id + ".", this);
    }

    private void close() {
        admin.close();
        try {
            elasticsearch._transport().close();
        } catch (IOException e) {
            LOG.debug("closing the test Elasticsearch client failed", e);
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
