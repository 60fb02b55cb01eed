package io.vigil.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded Kafka broker and Elasticsearch node, used when no external cluster is
 * configured. A port of 0 picks a free port (tests do that).
 *
 * @param dataDir where both servers keep their data and logs; survives restarts
 * @param kafka the in-process KRaft broker
 * @param elasticsearch the child-JVM Elasticsearch node
 */
@ConfigurationProperties("vigil.embedded")
public record EmbeddedProperties(Path dataDir, Kafka kafka, Elasticsearch elasticsearch) {

    public EmbeddedProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        kafka = kafka == null ? new Kafka(null, null) : kafka;
        elasticsearch =
                elasticsearch == null
                        ? new Elasticsearch(null, null, null, null, null)
                        : elasticsearch;
    }

    /** Defaults everywhere, data under {@code dataDir}. */
    public static EmbeddedProperties defaults(Path dataDir) {
        return new EmbeddedProperties(dataDir, null, null);
    }

    /** The same settings with every port set to 0 (free ports), as tests want. */
    public EmbeddedProperties withFreePorts() {
        return new EmbeddedProperties(
                dataDir,
                new Kafka(0, 0),
                new Elasticsearch(
                        0,
                        elasticsearch.distribution(),
                        elasticsearch.heap(),
                        elasticsearch.startTimeout(),
                        elasticsearch.jvmOptions()));
    }

    /**
     * The broker.
     *
     * @param port the client (PLAINTEXT) port on 127.0.0.1; default 9092
     * @param controllerPort the KRaft controller port on 127.0.0.1; default 9093
     */
    public record Kafka(Integer port, Integer controllerPort) {
        public Kafka {
            port = port == null ? 9092 : port;
            controllerPort = controllerPort == null ? 9093 : controllerPort;
        }
    }

    /**
     * The node.
     *
     * @param port the HTTP port on 127.0.0.1; default 9200
     * @param distribution the directory elasticsearch-node assembles ({@code es-dist}); found next
     *     to the sources when not set
     * @param heap the child JVM's heap; default 512 MB
     * @param startTimeout how long to wait for a yellow cluster; default 120 s
     * @param jvmOptions extra options for the child JVM
     */
    public record Elasticsearch(
            Integer port,
            Path distribution,
            DataSize heap,
            Duration startTimeout,
            List<String> jvmOptions) {
        public Elasticsearch {
            port = port == null ? 9200 : port;
            heap = heap == null ? DataSize.ofMegabytes(512) : heap;
            startTimeout = startTimeout == null ? Duration.ofSeconds(120) : startTimeout;
            jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
        }
    }
}
