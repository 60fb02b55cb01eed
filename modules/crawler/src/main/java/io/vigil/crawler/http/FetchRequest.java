package io.vigil.crawler.http;

import java.net.URI;
import java.util.Objects;

/**
 * One GET. {@code etag} and {@code lastModified} are the validators of the previous successful
 * fetch (nullable); when present they are sent as {@code If-None-Match} / {@code If-Modified-Since}
 * so an unchanged resource costs a 304.
 *
 * @param url absolute http(s) URL
 * @param etag the previous {@code ETag}, sent verbatim, or null
 * @param lastModified the previous {@code Last-Modified}, sent verbatim, or null
 */
public record FetchRequest(URI url, String etag, String lastModified) {

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        etag = blankToNull(etag);
        lastModified = blankToNull(lastModified);
    }

    /** An unconditional GET. */
    public static FetchRequest of(URI url) {
        return new FetchRequest(url, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
