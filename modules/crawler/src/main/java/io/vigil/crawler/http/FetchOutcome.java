package io.vigil.crawler.http;

/**
 * How a fetch ended. Every fetch ends in exactly one outcome; a dead server or a bad URL is an
 * outcome, not an exception. {@link #isRetriable()} is the one place that decides what is worth
 * trying again later.
 */
public enum FetchOutcome {
    /** 2xx with a body. */
    OK,
    /** 304 to a conditional GET: nothing changed. */
    NOT_MODIFIED,
    /** 404. */
    NOT_FOUND,
    /** 410: gone for good. */
    GONE,
    /** Any other 4xx (and unusable 1xx/3xx answers). */
    CLIENT_ERROR,
    /** 5xx other than a 503 that asks us to come back later. */
    SERVER_ERROR,
    /** 429, or 503 with Retry-After, or the host is still in back-off from an earlier one. */
    RATE_LIMITED,
    /** Connect, read or total timeout. */
    TIMEOUT,
    /** The body exceeded the configured maximum (compressed or decompressed). */
    TOO_LARGE,
    /** A redirect loop or more redirects than allowed. */
    TOO_MANY_REDIRECTS,
    /** robots.txt disallows the URL. */
    ROBOTS_DISALLOWED,
    /**
     * robots.txt could not be fetched (5xx, 429, timeout, network error): RFC 9309 says disallow
     * everything for now. For a dead server this is the outcome (the detail names the cause).
     */
    ROBOTS_UNREACHABLE,
    /** The host resolves to a private, loopback, link-local or otherwise refused address. */
    ADDRESS_BLOCKED,
    /** DNS failure, connection refused or reset, TLS failure, bad content encoding. */
    NETWORK_ERROR,
    /** Not an absolute http(s) URL, or a redirect Location that is not one. */
    INVALID_URL;

    /** The outcome for a final (non-redirect) HTTP status. */
    public static FetchOutcome fromHttpStatus(int status) {
        if (status >= 200 && status < 300) {
            return OK;
        }
        return switch (status) {
            case 304 -> NOT_MODIFIED;
            case 404 -> NOT_FOUND;
            case 410 -> GONE;
            case 429 -> RATE_LIMITED;
            default -> {
                if (status >= 500 && status < 600) {
                    yield SERVER_ERROR;
                }
                yield CLIENT_ERROR;
            }
        };
    }

    /** Whether the same request may succeed later without anything on our side changing. */
    public boolean isRetriable() {
        return switch (this) {
            case SERVER_ERROR, RATE_LIMITED, TIMEOUT, NETWORK_ERROR, ROBOTS_UNREACHABLE -> true;
            default -> false;
        };
    }

    /** Whether the fetch produced a usable body. */
    public boolean hasBody() {
        return this == OK;
    }
}
