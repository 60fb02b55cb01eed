package io.vigil.crawler.politeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host manners: one request at a time per host, a minimum delay (or the robots.txt Crawl-delay,
 * whichever is longer) between the end of one request and the start of the next, and back-off after
 * 429 / 503. Thread-safe; state is per JVM (the crawl topics are keyed by host, so one instance
 * owns a host).
 */
public final class HostPoliteness {

    private final Duration minDelay;
    private final Duration maxBackoff;
    private final Clock clock;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

    /** Above this many hosts, idle ones are forgotten. */
    private static final int MAX_IDLE_HOSTS = 10_000;

    public HostPoliteness(Duration minDelay, Duration maxBackoff, Clock clock) {
        this.minDelay = minDelay;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    /**
     * Waits until this thread may send a request to {@code host}: no other request to it in flight
     * and the delay since the last one elapsed. Close the permit when the response is read.
     *
     * @param crawlDelay the host's robots.txt Crawl-delay (already capped), or null
     */
    public Permit acquire(String host, Duration crawlDelay) throws InterruptedException {
        if (hosts.size() > MAX_IDLE_HOSTS) {
            forgetIdleHosts();
        }
        HostState state;
        while (true) {
            state = hosts.computeIfAbsent(key(host), k -> new HostState());
            state.gate.acquire();
            if (!state.retired) {
                break;
            }
            state.gate.release(); // forgotten while we waited: use the fresh state
        }
        try {
            Duration delay =
                    crawlDelay != null && crawlDelay.compareTo(minDelay) > 0
                            ? crawlDelay
                            : minDelay;
            state.lastDelay = delay;
            Instant lastEnd = state.lastEnd;
            if (lastEnd != null) {
                long waitMillis = Duration.between(clock.instant(), lastEnd.plus(delay)).toMillis();
                if (waitMillis > 0) {
                    Thread.sleep(waitMillis);
                }
            }
            return new Permit(state);
        } catch (InterruptedException | RuntimeException e) {
            state.gate.release();
            throw e;
        }
    }

    /** How long the host is still backed off (zero when it is not). */
    public Duration backoffRemaining(String host) {
        HostState state = hosts.get(key(host));
        if (state == null || state.backoffUntil == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), state.backoffUntil);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Tells the host's state how a request went: 429 and 503 start (or lengthen) a back-off of
     * {@code retryAfter}, or without it an exponential one (1 s, 2 s, 4 s, ...); both capped at the
     * configured maximum. Any other answer ends the back-off.
     *
     * @return the back-off now in force, or null when none
     */
    public Duration recordResponse(String host, int status, Duration retryAfter) {
        HostState state = hosts.computeIfAbsent(key(host), k -> new HostState());
        synchronized (state) {
            if (status != 429 && status != 503) {
                if (status > 0) {
                    state.failures = 0;
                    state.backoffUntil = null;
                }
                return null;
            }
            state.failures++;
            Duration wait = retryAfter;
            if (wait == null || wait.isNegative()) {
                long seconds = 1L << Math.min(state.failures - 1, 20);
                wait = Duration.ofSeconds(seconds);
            }
            if (wait.compareTo(maxBackoff) > 0) {
                wait = maxBackoff;
            }
            state.backoffUntil = clock.instant().plus(wait);
            return wait;
        }
    }

    /**
     * Drops hosts with nothing to remember: no request in flight, no back-off, and the last request
     * long enough ago that no delay can still apply. Keeps the map bounded on a long crawl.
     */
    private void forgetIdleHosts() {
        Instant now = clock.instant();
        java.util.function.Predicate<HostState> idle = isIdle(now);
        for (Map.Entry<String, HostState> e : hosts.entrySet()) {
            HostState s = e.getValue();
            if (idle.test(s) && s.gate.tryAcquire()) {
                s.retired = true;
                hosts.remove(e.getKey(), s);
                s.gate.release();
            }
        }
    }

    /** How many hosts are remembered (for tests). */
    int trackedHosts() {
        return hosts.size();
    }

    private static java.util.function.Predicate<HostState> isIdle(Instant now) {
        return s -> {
            Instant lastEnd = s.lastEnd;
            Instant backoffUntil = s.backoffUntil;
            return s.gate.availablePermits() == 1
                    && (backoffUntil == null || backoffUntil.isBefore(now))
                    && lastEnd != null
                    && lastEnd.plus(s.lastDelay).isBefore(now);
        };
    }

    private static String key(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private static final class HostState {
        final Semaphore gate = new Semaphore(1, true);
        volatile Instant lastEnd;
        volatile Instant backoffUntil;
        volatile Duration lastDelay = Duration.ZERO;
        volatile boolean retired;
        int failures;
    }

    /** The right to talk to one host; {@link #close()} releases it and starts the delay clock. */
    public final class Permit implements AutoCloseable {
        private final HostState state;
        private boolean closed;

        private Permit(HostState state) {
            this.state = state;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                state.lastEnd = clock.instant();
                state.gate.release();
            }
        }
    }
}
