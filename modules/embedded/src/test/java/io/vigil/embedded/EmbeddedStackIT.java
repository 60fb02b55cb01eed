package io.vigil.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack survives its parent's {@code kill -9} without leaving the Elasticsearch child behind,
 * and a second start on the same data directory finds what the first one stored.
 */
class EmbeddedStackIT {

    @Test
    void leavesNoOrphanAfterKill9AndRestartsOnTheSameData(@TempDir Path dataDir) throws Exception {
        Process parent =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "-Dvigil.embedded.elasticsearch.distribution="
                                        + EmbeddedStack.distribution(null),
                                StackProcessMain.class.getName(),
                                dataDir.toString())
                        .redirectErrorStream(true)
                        .start();
        String ready = awaitReady(parent);
        String[] parts = ready.split(" ");
        long esPid = Long.parseLong(parts[1]);
        URI esUri = URI.create(parts[2]);
        HttpClient http = HttpClient.newHttpClient();
        http.send(
                HttpRequest.newBuilder(esUri.resolve("/persisted-index"))
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(ProcessHandle.of(esPid)).isPresent();

        parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
        parent.waitFor(10, TimeUnit.SECONDS);
        assertThat(awaitGone(esPid, Duration.ofSeconds(60)))
                .as("the Elasticsearch child exits once its parent is killed")
                .isTrue();

        try (EmbeddedStack again =
                EmbeddedStack.start(
                        EmbeddedProperties.defaults(dataDir).withFreePorts(), true, true)) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, again.kafkaBootstrapServers());
            try (Admin admin = Admin.create(props)) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .contains("persisted");
            }
            HttpResponse<String> index =
                    http.send(
                            HttpRequest.newBuilder(
                                            again.elasticsearchUri().resolve("/persisted-index"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(200);
            esPid = again.elasticsearchPid();
        }
        assertThat(awaitGone(esPid, Duration.ofSeconds(30)))
                .as("close() stops the Elasticsearch child")
                .isTrue();
    }

    private static String awaitReady(Process process) throws Exception {
        BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new java.util.ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> reader.lines().forEach(l -> {}));
                drain.setDaemon(true);
                drain.start();
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError(
                "the stack process ended before it was ready:\n" + String.join("\n", seen));
    }

    private static boolean awaitGone(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(ph -> !ph.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
