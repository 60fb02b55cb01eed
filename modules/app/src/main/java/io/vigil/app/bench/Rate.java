package io.vigil.app.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Documents per second from the first acknowledged batch to the last: what was done when the first
 * answer came is not counted, nor the time before it (consumer group join, first batch).
 */
final class Rate {
    final LongSupplier done;
    final long target;
    long firstCount;
    long firstNanos;
    long lastNanos;

    Rate(LongSupplier done, long target) {
        this.done = done;
        this.target = target;
    }

    void await() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (done.getAsLong() < target && System.nanoTime() < deadline) {
            long count = done.getAsLong();
            if (firstNanos == 0 && count > 0) {
                firstNanos = System.nanoTime();
                firstCount = count;
            }
            Thread.sleep(2);
        }
        lastNanos = System.nanoTime();
        if (done.getAsLong() < target) {
            throw new IllegalStateException("only " + done.getAsLong() + " of " + target + " done");
        }
    }

    double perSecond() {
        return (target - firstCount) / ((lastNanos - firstNanos) / 1e9);
    }
}
