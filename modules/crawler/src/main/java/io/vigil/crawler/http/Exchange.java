package io.vigil.crawler.http;

import io.vigil.crawler.CrawlerProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** One HTTP GET with connect, read (idle) and total timeouts and a streaming size limit. */
final class Exchange {

    private static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/feed+json,"
                    + " application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";
    private static final long SLICE_MILLIS = 50;

    /** One response, or the failure that prevented one. */
    record Hop(int status, HttpHeaders headers, byte[] body, FetchOutcome failure, String detail) {

        static Hop failed(FetchOutcome outcome, String detail) {
            return new Hop(0, null, null, outcome, detail);
        }

        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient client;
    private final CrawlerProperties.Http config;

    Exchange(HttpClient client, CrawlerProperties.Http config) {
        this.client = client;
        this.config = config;
    }

    Hop send(URI url, FetchRequest conditional, long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return Hop.failed(FetchOutcome.TIMEOUT, "total timeout reached");
        }
        Duration headerTimeout = config.readTimeout();
        if (headerTimeout.toNanos() > remaining) {
            headerTimeout = Duration.ofNanos(remaining);
        }
        HttpRequest request;
        try {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(url)
                            .GET()
                            .timeout(headerTimeout)
                            .header("User-Agent", config.userAgent())
                            .header("Accept", ACCEPT)
                            .header("Accept-Encoding", "gzip, deflate");
            if (conditional != null && conditional.etag() != null) {
                builder.header("If-None-Match", conditional.etag());
            }
            if (conditional != null && conditional.lastModified() != null) {
                builder.header("If-Modified-Since", conditional.lastModified());
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return Hop.failed(FetchOutcome.INVALID_URL, "unusable request: " + e.getMessage());
        }
        long max = config.maxBodySize().toBytes();
        BodyCollector[] holder = new BodyCollector[1];
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(
                        request,
                        info -> {
                            long declared =
                                    info.headers().firstValueAsLong("Content-Length").orElse(-1);
                            BodyCollector c = new BodyCollector(max, declared);
                            holder[0] = c;
                            return c;
                        });
        try {
            HttpResponse<byte[]> response = await(future, holder, deadlineNanos);
            if (response == null) {
                return Hop.failed(FetchOutcome.TIMEOUT, "read or total timeout");
            }
            if (holder[0] != null && holder[0].tooLarge()) {
                return new Hop(
                        response.statusCode(),
                        response.headers(),
                        null,
                        FetchOutcome.TOO_LARGE,
                        "body larger than " + max + " bytes");
            }
            byte[] body;
            try {
                body =
                        ContentDecoder.decode(
                                response.body(),
                                response.headers().firstValue("Content-Encoding").orElse(null),
                                max);
            } catch (ContentDecoder.TooLargeException e) {
                return new Hop(
                        response.statusCode(),
                        response.headers(),
                        null,
                        FetchOutcome.TOO_LARGE,
                        e.getMessage());
            } catch (IOException e) {
                return new Hop(
                        response.statusCode(),
                        response.headers(),
                        null,
                        FetchOutcome.NETWORK_ERROR,
                        "bad content encoding: " + e.getMessage());
            }
            return new Hop(response.statusCode(), response.headers(), body, null, null);
        } catch (ExecutionException e) {
            if (holder[0] != null && holder[0].tooLarge()) {
                return Hop.failed(FetchOutcome.TOO_LARGE, "body larger than " + max + " bytes");
            }
            return classify(e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Waits for the response, enforcing the idle read timeout and the deadline; null on timeout.
     */
    private HttpResponse<byte[]> await(
            CompletableFuture<HttpResponse<byte[]>> future, BodyCollector[] holder, long deadline)
            throws InterruptedException, ExecutionException {
        long readTimeout = config.readTimeout().toNanos();
        try {
            while (true) {
                try {
                    return future.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException slice) {
                    long now = System.nanoTime();
                    BodyCollector c = holder[0];
                    boolean idle = c != null && now - c.lastActivityNanos() > readTimeout;
                    if (now > deadline || idle) {
                        if (c != null) {
                            c.abort();
                        }
                        future.cancel(true);
                        return null;
                    }
                }
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private static Hop classify(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return Hop.failed(FetchOutcome.TIMEOUT, "connect timeout");
        }
        if (t instanceof HttpTimeoutException) {
            return Hop.failed(FetchOutcome.TIMEOUT, "no response headers in time");
        }
        if (t instanceof ConnectException) {
            return Hop.failed(FetchOutcome.NETWORK_ERROR, "connection refused");
        }
        if (t instanceof SSLException) {
            return Hop.failed(FetchOutcome.NETWORK_ERROR, "TLS failure: " + t.getMessage());
        }
        if (t instanceof IOException) {
            return Hop.failed(FetchOutcome.NETWORK_ERROR, String.valueOf(t.getMessage()));
        }
        if (t instanceof IllegalArgumentException) {
            return Hop.failed(FetchOutcome.INVALID_URL, String.valueOf(t.getMessage()));
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(t);
    }
}
