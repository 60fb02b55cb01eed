package io.vigil.embedded.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), running in this JVM.
 *
 * <p>The log directory is formatted once, when it holds no {@code meta.properties}; later starts
 * reuse it, so topics and offsets survive restarts.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code logDir} if needed, starts the broker and waits until it answers.
     *
     * @param port client port on 127.0.0.1, already checked to be free
     * @param controllerPort controller port on 127.0.0.1, already checked to be free
     */
    public static KafkaBroker start(Path logDir, int port, int controllerPort, Duration timeout) {
        String bootstrap = "127.0.0.1:" + port;
        Properties props = serverProperties(logDir, port, controllerPort);
        format(logDir, props);
        KafkaRaftServer server =
                new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        KafkaBroker broker = new KafkaBroker(server, bootstrap);
        try {
            server.startup();
            broker.awaitReady(timeout);
            return broker;
        } catch (RuntimeException e) {
            broker.close(); // its threads would otherwise keep the JVM alive
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        LOG.info("Stopping the embedded Kafka broker on {}", bootstrapServers);
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.putAll(
                Map.ofEntries(
                        Map.entry("process.roles", "broker,controller"),
                        Map.entry("node.id", "1"),
                        Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                        Map.entry(
                                "listeners",
                                "PLAINTEXT://127.0.0.1:"
                                        + port
                                        + ",CONTROLLER://127.0.0.1:"
                                        + controllerPort),
                        Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                        Map.entry("controller.listener.names", "CONTROLLER"),
                        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                        Map.entry(
                                "listener.security.protocol.map",
                                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                        Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                        Map.entry("num.partitions", "3"),
                        Map.entry("offsets.topic.replication.factor", "1"),
                        Map.entry("offsets.topic.num.partitions", "10"),
                        Map.entry("transaction.state.log.replication.factor", "1"),
                        Map.entry("transaction.state.log.min.isr", "1"),
                        Map.entry("transaction.state.log.num.partitions", "10"),
                        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                        Map.entry("share.coordinator.state.topic.min.isr", "1"),
                        Map.entry("group.initial.rebalance.delay.ms", "0"),
                        Map.entry("auto.create.topics.enable", "false")));
        return p;
    }

    private static void format(Path logDir, Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path config = logDir.resolveSibling(logDir.getFileName() + "-server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "written by Vigil's embedded broker to format its log directory");
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            int code;
            try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                code =
                        StorageTool.execute(
                                new String[] {
                                    "format",
                                    "-t",
                                    Uuid.randomUuid().toString(),
                                    "-c",
                                    config.toString()
                                },
                                out);
            }
            if (code != 0) {
                throw new IllegalStateException(
                        "formatting Kafka storage in "
                                + logDir
                                + " failed: "
                                + buffer.toString(StandardCharsets.UTF_8));
            }
            LOG.info("Formatted Kafka storage in {}", logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + logDir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "the embedded Kafka broker did not answer within " + timeout, e);
        }
    }
}
