package io.vigil.crawler.page;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A {@link PageSource} on the JDK's HttpClient: redirects followed, no politeness. */
public final class JdkPageSource implements PageSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client =
            HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();

    @Override
    public Fetched fetch(URI url) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(url)
                        .timeout(TIMEOUT)
                        .header("User-Agent", "Vigil/0.1 (media monitoring; article extraction)")
                        .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                        .GET()
                        .build();
        HttpResponse<byte[]> response =
                client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Fetched(
                response.uri(),
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }
}
