package io.vigil.crawler.politeness;

import java.time.Duration;

/**
 * Whether robots.txt lets us fetch a URL.
 *
 * @param allowed whether the URL may be fetched now
 * @param crawlDelay the host's Crawl-delay for us, capped, or null when none
 * @param reason why not, when not allowed
 * @param unreachable whether the refusal is only because robots.txt could not be fetched (RFC 9309:
 *     a temporary complete disallow)
 */
public record RobotsVerdict(
        boolean allowed, Duration crawlDelay, String reason, boolean unreachable) {}
