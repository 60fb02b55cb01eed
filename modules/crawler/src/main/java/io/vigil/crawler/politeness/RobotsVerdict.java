package io.vigil.crawler.politeness;

import java.time.Duration;

/**
 * Whether robots.txt lets us fetch a URL.
 *
 * @param allowed whether the URL may be fetched now
 * @param crawlDelay the host's Crawl-delay for us, capped, or null when none
 * @param reason why not, when not allowed
 */
public record RobotsVerdict(boolean allowed, Duration crawlDelay, String reason) {}
