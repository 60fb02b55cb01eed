package io.vigil.crawler.http;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Objects;

/**
 * What one fetch produced. Only {@link FetchOutcome#OK} carries a body (empty array otherwise).
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl the URL of the last hop (after redirects); the base for relative links
 * @param outcome how the fetch ended
 * @param status HTTP status of the last response, or 0 when there was none
 * @param movedPermanentlyTo set when every redirect in the chain was permanent (301/308) and the
 *     final answer was OK or NOT_MODIFIED: the URL to store instead of {@code requestedUrl}; null
 *     otherwise
 * @param etag the response {@code ETag}, or null
 * @param lastModified the response {@code Last-Modified}, or null
 * @param contentType the response {@code Content-Type} as sent (parameters included), or null
 * @param charset the charset from BOM, HTTP header or XML declaration, or null when none said
 * @param body the decoded (gunzipped) body; empty unless {@code OK}
 * @param elapsed time spent on the network, politeness waits excluded
 * @param retryAfter how long the server (or our back-off) asks us to wait, or null
 * @param detail a human-readable reason, for logs and feed health
 */
public record FetchResult(
        URI requestedUrl,
        URI finalUrl,
        FetchOutcome outcome,
        int status,
        URI movedPermanentlyTo,
        String etag,
        String lastModified,
        String contentType,
        Charset charset,
        byte[] body,
        Duration elapsed,
        Duration retryAfter,
        String detail) {

    private static final byte[] EMPTY = new byte[0];

    public FetchResult {
        Objects.requireNonNull(requestedUrl, "requestedUrl");
        Objects.requireNonNull(outcome, "outcome");
        finalUrl = finalUrl == null ? requestedUrl : finalUrl;
        body = body == null ? EMPTY : body;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
        detail = detail == null ? outcome.name() : detail;
    }

    /** A result without a response (blocked, invalid, network failure, ...). */
    static FetchResult failure(URI requested, URI last, FetchOutcome outcome, String detail) {
        return new FetchResult(
                requested, last, outcome, 0, null, null, null, null, null, null, null, null,
                detail);
    }

    FetchResult withElapsed(Duration newElapsed) {
        return new FetchResult(
                requestedUrl,
                finalUrl,
                outcome,
                status,
                movedPermanentlyTo,
                etag,
                lastModified,
                contentType,
                charset,
                body,
                newElapsed,
                retryAfter,
                detail);
    }

    FetchResult withMovedPermanentlyTo(URI moved) {
        return new FetchResult(
                requestedUrl,
                finalUrl,
                outcome,
                status,
                moved,
                etag,
                lastModified,
                contentType,
                charset,
                body,
                elapsed,
                retryAfter,
                detail);
    }

    @Override
    public String toString() {
        return "FetchResult["
                + outcome
                + " "
                + status
                + " "
                + requestedUrl
                + (finalUrl.equals(requestedUrl) ? "" : " -> " + finalUrl)
                + " bytes="
                + body.length
                + " detail="
                + detail
                + "]";
    }
}
