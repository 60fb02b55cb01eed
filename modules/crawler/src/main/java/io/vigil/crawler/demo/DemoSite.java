package io.vigil.crawler.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigil.core.build.SuppressForbidden;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the offline demo corpus ({@code seeds/demo/site}) on 127.0.0.1, like a small static web
 * server: content types, ETag and Last-Modified with 304 answers, 404 for anything outside the
 * directory. Only {@code ./vigil demo} and tests start it.
 */
@SuppressForbidden(
        reason =
                "com.sun.net.httpserver is the JDK's supported, exported HTTP server (jdk.httpserver)")
public final class DemoSite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSite.class);
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).withLocale(Locale.ROOT);
    private static final Map<String, String> TYPES =
            Map.of(
                    "html", "text/html; charset=utf-8",
                    "xml", "application/xml; charset=utf-8",
                    "json", "application/feed+json; charset=utf-8",
                    "txt", "text/plain; charset=utf-8",
                    "jpg", "image/jpeg");

    /** The origin the corpus is written for ({@code seeds/demo/feeds.yml} and the pages). */
    public static final String ORIGIN = "http://127.0.0.1:8089";

    private final HttpServer server;
    private final Path root;
    private final long delayMillis;

    private DemoSite(HttpServer server, Path root, long delayMillis) {
        this.server = server;
        this.root = root;
        this.delayMillis = delayMillis;
    }

    /** Starts serving {@code root} on 127.0.0.1:{@code port} (0 for a free port). */
    public static DemoSite start(Path root, int port) {
        return start(root, port, java.time.Duration.ZERO);
    }

    /** The same, answering every request after {@code delay} (a slow site, for tests). */
    public static DemoSite start(Path root, int port, java.time.Duration delay) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no demo corpus at " + dir);
        }
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            DemoSite site = new DemoSite(server, dir, delay.toMillis());
            server.createContext("/", site::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            LOG.info("Demo site serving {} on {}", dir, site.baseUri());
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo site on port " + port, e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                send(
                        exchange,
                        404,
                        "text/plain; charset=utf-8",
                        "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            String origin = baseUri().toString();
            if (!origin.equals(ORIGIN) && TYPES.getOrDefault(ext, "").contains("charset=utf-8")) {
                // the corpus names its own origin; served elsewhere (tests), it names this one
                body =
                        new String(body, StandardCharsets.UTF_8)
                                .replace(ORIGIN, origin)
                                .getBytes(StandardCharsets.UTF_8);
            }
            String etag = "\"" + sha256(body) + "\"";
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(modified));
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
