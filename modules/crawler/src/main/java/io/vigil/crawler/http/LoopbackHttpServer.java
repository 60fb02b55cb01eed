package io.vigil.crawler.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 for benchmarks and tests (one request per connection,
 * {@code Connection: close}). Not for production: it exists so the crawler can be exercised end to
 * end without external servers (the JDK's {@code com.sun.net.httpserver} is banned by the build's
 * API checks).
 */
public final class LoopbackHttpServer implements AutoCloseable {

    /** A parsed request line and headers (names lower-cased). */
    public record Request(String method, String target, Map<String, String> headers) {
        /** A request header by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The path part of the target (no query). */
        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    /** Writes a response body; may sleep or stream as much as it likes. */
    public interface BodyWriter {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    /**
     * A response. With {@code contentLength} below zero the body is sent without a length and ends
     * when the connection closes.
     */
    public record Response(
            int status, List<String[]> headers, long contentLength, BodyWriter body) {

        /** A response with a fixed body. */
        public static Response of(int status, byte[] body, String... headerPairs) {
            List<String[]> headers = new ArrayList<>();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                headers.add(new String[] {headerPairs[i], headerPairs[i + 1]});
            }
            return new Response(status, headers, body.length, out -> out.write(body));
        }

        /** A response with a UTF-8 text body. */
        public static Response text(int status, String body, String... headerPairs) {
            return of(status, body.getBytes(StandardCharsets.UTF_8), headerPairs);
        }
    }

    /** Answers requests. */
    public interface Handler {
        Response handle(Request request) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService pool;
    private final Handler handler;
    private final AtomicInteger requests = new AtomicInteger();

    private LoopbackHttpServer(Handler handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.pool =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "loopback-http");
                            t.setDaemon(true);
                            return t;
                        });
        pool.execute(this::acceptLoop);
    }

    /** Starts a server on an ephemeral port of 127.0.0.1. */
    public static LoopbackHttpServer start(Handler handler) throws IOException {
        return new LoopbackHttpServer(handler);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code http://127.0.0.1:port} + path. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** How many requests were received so far. */
    public int requestCount() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            String requestLine = readLine(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            Map<String, String> headers = new HashMap<>();
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            String[] parts = requestLine.split(" ");
            requests.incrementAndGet();
            Response r =
                    handler.handle(
                            new Request(
                                    parts[0],
                                    parts.length > 1 ? parts[1] : "/",
                                    Map.copyOf(headers)));
            OutputStream out = s.getOutputStream();
            StringBuilder head =
                    new StringBuilder("HTTP/1.1 ")
                            .append(r.status())
                            .append(" X\r\nConnection: close\r\n");
            for (String[] h : r.headers()) {
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            if (r.contentLength() >= 0) {
                head.append("Content-Length: ").append(r.contentLength()).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (!parts[0].equals("HEAD") && r.status() != 304 && r.status() != 204) {
                r.body().write(out);
            }
            out.flush();
        } catch (SocketException e) {
            // the client went away (size limit, timeout): expected in tests
        } catch (IOException e) {
            // same: nothing to answer to
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        pool.shutdownNow();
    }
}
