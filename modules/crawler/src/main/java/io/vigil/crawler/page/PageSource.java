package io.vigil.crawler.page;

import java.io.IOException;
import java.net.URI;

/**
 * Where {@code vigil extract} gets pages named by URL. The crawler's HTTP layer (politeness,
 * robots.txt, limits) implements this ({@code FetcherPageSource}); tests use their own.
 */
public interface PageSource {

    /** Fetches one page; an HTTP error status is a result, a network failure an exception. */
    Fetched fetch(URI url) throws IOException, InterruptedException;

    /**
     * A fetched page.
     *
     * @param finalUrl the URL after redirects
     * @param status HTTP status
     * @param contentType the Content-Type header, or null
     * @param body the raw body
     */
    record Fetched(URI finalUrl, int status, String contentType, byte[] body) {}
}
