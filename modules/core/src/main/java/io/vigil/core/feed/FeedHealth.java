package io.vigil.core.feed;

/** How a feed fared at its last poll. */
public enum FeedHealth {
    /** Not polled yet. */
    NEW,
    /** Fetched and parsed. */
    OK,
    /** The server said nothing changed (304). */
    NOT_MODIFIED,
    /** The last polls failed; see the consecutive error count and last error. */
    FAILING,
    /** The server said the feed is gone for good (410); it is no longer polled. */
    GONE,
    /** The feed moved permanently; polling continues at the new address. */
    MOVED
}
