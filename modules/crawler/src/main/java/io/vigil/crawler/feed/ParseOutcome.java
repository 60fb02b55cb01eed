package io.vigil.crawler.feed;

/**
 * How parsing a fetched document went. A bad feed is data: it gets an outcome, not an exception.
 */
public enum ParseOutcome {
    /** Well-formed and recognised. */
    OK,
    /** Ill-formed XML; what could be recovered after cleaning or lenient parsing is returned. */
    RECOVERED,
    /** Nothing to parse (empty or blank body). */
    EMPTY,
    /** A document, but not a feed or sitemap (e.g. an HTML page). */
    NOT_A_FEED,
    /** Claims to be a feed but nothing could be recovered from it. */
    MALFORMED;

    /** Whether the entries can be used. */
    public boolean usable() {
        return this == OK || this == RECOVERED;
    }
}
