package io.vigil.embedded.elasticsearch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Elasticsearch node in a child JVM, bound to 127.0.0.1, started from the distribution that the
 * elasticsearch-node module assembles.
 *
 * <p>The child watches its standard input, which this side holds open: when this JVM exits, even by
 * {@code kill -9}, the pipe closes and the child stops. Its output goes to {@code
 * <logs>/elasticsearch.log}.
 */
public final class ElasticsearchNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final String MAIN = "io.vigil.elasticsearch.node.NodeMain";

    private final Process process;
    private final OutputStream lifeline;
    private final URI uri;
    private final Path logFile;

    private ElasticsearchNode(Process process, URI uri, Path logFile) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.uri = uri;
        this.logFile = logFile;
    }

    /** What the child needs: where the distribution is and where to keep data. */
    public record Launch(
            Path distribution,
            Path dataDir,
            Path logDir,
            int port,
            long heapBytes,
            List<String> jvmOptions,
            Duration startTimeout) {
        public Launch {
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    /** Starts the node and waits until the cluster is at least yellow. */
    public static ElasticsearchNode start(Launch launch) {
        Path dist = launch.distribution().toAbsolutePath().normalize();
        if (!Files.isDirectory(dist.resolve("lib"))
                || !Files.isDirectory(dist.resolve("launcher"))) {
            throw new IllegalStateException(
                    "No Elasticsearch distribution at "
                            + dist
                            + ": build it with './mvnw -pl modules/elasticsearch-node -am package'"
                            + " or set vigil.embedded.elasticsearch.distribution");
        }
        Path logFile = launch.logDir().resolve("elasticsearch.log");
        try {
            Files.createDirectories(launch.logDir());
            Files.createDirectories(launch.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + launch.dataDir(), e);
        }
        long heapMb = Math.max(128, launch.heapBytes() / (1024 * 1024));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + heapMb + "m");
        command.add("-Xmx" + heapMb + "m");
        command.add("-XX:+UseG1GC");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dlog4j2.formatMsgNoLookups=true");
        command.add("-Djava.awt.headless=true");
        command.addAll(launch.jvmOptions());
        command.add("--module-path");
        command.add(dist.resolve("lib").toString());
        command.add("--add-modules");
        command.add("ALL-MODULE-PATH");
        command.add("-cp");
        command.add(dist.resolve("launcher").toString());
        command.add(MAIN);
        command.addAll(
                List.of(
                        "--home", dist.toString(),
                        "--data", launch.dataDir().toAbsolutePath().toString(),
                        "--logs", launch.logDir().toAbsolutePath().toString(),
                        "--port", Integer.toString(launch.port())));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        URI uri = URI.create("http://127.0.0.1:" + launch.port());
        LOG.info("Starting the embedded Elasticsearch node on {} (log: {})", uri, logFile);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Elasticsearch child JVM", e);
        }
        ElasticsearchNode node = new ElasticsearchNode(process, uri, logFile);
        try {
            node.awaitYellow(launch.startTimeout());
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    public URI uri() {
        return uri;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitYellow(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request =
                HttpRequest.newBuilder(
                                uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=2s"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the Elasticsearch child JVM exited with code "
                                + process.exitValue()
                                + "; last lines of "
                                + logFile
                                + ":\n"
                                + tail(logFile, 15));
            }
            try {
                HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200
                        && !response.body().contains("\"timed_out\":true")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for Elasticsearch", e);
            }
            sleep(250);
        }
        throw new IllegalStateException(
                "Elasticsearch was not yellow within " + timeout + "; see " + logFile);
    }

    /** Closes the lifeline (the child then stops itself), waits, and kills it if it lingers. */
    @Override
    public void close() {
        LOG.info("Stopping the embedded Elasticsearch node on {}", uri);
        try {
            lifeline.close();
        } catch (IOException e) {
            LOG.debug("closing the lifeline to Elasticsearch failed", e);
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for Elasticsearch", e);
        }
    }
}
