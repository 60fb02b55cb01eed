package io.vigil.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStackTest {

    @Test
    void aTakenKafkaPortFailsFastNamingTheSetting(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = bound()) {
            EmbeddedProperties props =
                    new EmbeddedProperties(
                            dir, new EmbeddedProperties.Kafka(taken.getLocalPort(), 0), null);
            assertThatThrownBy(() -> EmbeddedStack.start(props, true, false))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("vigil.embedded.kafka.port");
        }
        assertThat(dir.resolve("kafka")).doesNotExist(); // nothing started, nothing written
    }

    @Test
    void aTakenElasticsearchPortFailsFastNamingTheSetting(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = bound()) {
            EmbeddedProperties props =
                    new EmbeddedProperties(
                            dir,
                            null,
                            new EmbeddedProperties.Elasticsearch(
                                    taken.getLocalPort(), null, null, null, null));
            assertThatThrownBy(() -> EmbeddedStack.start(props, false, true))
                    .isInstanceOf(PortInUseException.class)
                    .extracting(e -> ((PortInUseException) e).setting())
                    .isEqualTo("vigil.embedded.elasticsearch.port");
        }
    }

    @Test
    void aMissingDistributionSaysHowToBuildIt(@TempDir Path dir) {
        EmbeddedProperties props =
                new EmbeddedProperties(
                        dir,
                        null,
                        new EmbeddedProperties.Elasticsearch(
                                0, dir.resolve("nowhere"), null, null, null));
        assertThatThrownBy(() -> EmbeddedStack.start(props, false, true))
                .hasMessageContaining("No Elasticsearch distribution")
                .hasMessageContaining("vigil.embedded.elasticsearch.distribution");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        EmbeddedProperties props = new EmbeddedProperties(null, null, null);
        assertThat(props.dataDir()).isEqualTo(Path.of("data"));
        assertThat(props.kafka().port()).isEqualTo(9092);
        assertThat(props.elasticsearch().port()).isEqualTo(9200);
        assertThat(props.elasticsearch().heap().toMegabytes()).isEqualTo(512);
        assertThat(props.withFreePorts().kafka().port()).isZero();
    }

    @Test
    void findsTheDistributionFromTheSourceTree(@TempDir Path dir) throws IOException {
        Path configured = Files.createDirectories(dir.resolve("dist"));
        assertThat(EmbeddedStack.distribution(configured)).isEqualTo(configured);
    }

    private static ServerSocket bound() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }
}
