package io.vigil.crawler.politeness;

/**
 * What fetching {@code /robots.txt} gave, in the terms of RFC 9309 section 2.3.1.
 *
 * @param availability fetched, unavailable (4xx: allow all) or unreachable (5xx, network: disallow
 *     all for now)
 * @param body the file (empty unless fetched)
 * @param contentType its Content-Type, or null
 * @param detail why it was unavailable or unreachable, or null
 */
public record RobotsResponse(
        Availability availability, byte[] body, String contentType, String detail) {

    public RobotsResponse {
        body = body == null ? new byte[0] : body;
    }

    /** RFC 9309 section 2.3.1 cases. */
    public enum Availability {
        /** 2xx: rules apply. */
        FETCHED,
        /** 4xx (and 3xx chains that end nowhere): no rules, everything allowed. */
        UNAVAILABLE,
        /** 5xx, 429, timeouts, network errors: assume complete disallow for now. */
        UNREACHABLE
    }
}
