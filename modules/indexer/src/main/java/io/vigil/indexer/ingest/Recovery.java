package io.vigil.indexer.ingest;

import java.time.Duration;

/**
 * The back-off after retriable failures: {@code initial}, doubled after each further failure up to
 * {@code max}, back to {@code initial} once records get done again.
 */
final class Recovery {

    private final Duration initial;
    private final Duration max;
    private Duration current;
    private long doneAtFailure = Long.MAX_VALUE;

    Recovery(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.current = initial;
    }

    /** A failure happened with {@code doneCount} records done so far: how long to wait. */
    Duration next(long doneCount) {
        Duration wait = current;
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        doneAtFailure = doneCount;
        return wait;
    }

    /** Resets the back-off when more records are done than at the last failure. */
    void succeededIf(long doneCount) {
        if (doneCount > doneAtFailure) {
            current = initial;
            doneAtFailure = Long.MAX_VALUE;
        }
    }
}
