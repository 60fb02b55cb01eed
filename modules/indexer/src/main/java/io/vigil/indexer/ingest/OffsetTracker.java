package io.vigil.indexer.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets are done: a record is done once Elasticsearch acknowledged its document (or found
 * it stale) or its dead letter was acknowledged. Per partition, the safe offset to commit is the
 * lowest offset not yet done, or the one after the last record taken when all are done: a commit
 * never passes a record that could still be lost.
 *
 * <p>The consumer thread calls {@link #begin}, {@link #taken}, {@link #committable}, {@link #reset}
 * and {@link #forget}; the bulk listener's threads call {@link #done} and {@link #failed}.
 */
final class OffsetTracker {

    private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();
    private final AtomicLong doneCount = new AtomicLong();

    private static final class Partition {
        final ConcurrentSkipListSet<Long> notDone = new ConcurrentSkipListSet<>();
        final Set<Long> failed = ConcurrentHashMap.newKeySet();
        final AtomicInteger inFlight = new AtomicInteger();
        volatile long next;
        long committed = -1;

        Partition(long next) {
            this.next = next;
        }

        long safe() {
            Long first = notDone.isEmpty() ? null : notDone.first();
            return first == null ? next : first;
        }
    }

    /** Starts tracking {@code tp} at {@code offset} unless it is tracked already. */
    void begin(TopicPartition tp, long offset) {
        partitions.computeIfAbsent(tp, k -> new Partition(offset));
    }

    /** A record was taken for indexing (in offset order within its partition). */
    void taken(TopicPartition tp, long offset) {
        Partition p = partitions.computeIfAbsent(tp, k -> new Partition(offset));
        p.notDone.add(offset);
        p.next = offset + 1;
        p.inFlight.incrementAndGet();
    }

    /** The record is done: indexed, stale, or dead-lettered. */
    void done(TopicPartition tp, long offset) {
        Partition p = partitions.get(tp);
        if (p != null && p.notDone.remove(offset)) {
            if (!p.failed.remove(offset)) {
                p.inFlight.decrementAndGet();
            }
            doneCount.incrementAndGet();
        }
    }

    /** The record failed retriably: no longer in flight, but not done (it holds back commits). */
    void failed(TopicPartition tp, long offset) {
        Partition p = partitions.get(tp);
        if (p != null && p.notDone.contains(offset) && p.failed.add(offset)) {
            p.inFlight.decrementAndGet();
        }
    }

    /** Records taken whose outcome is not known yet. */
    int inFlight() {
        int sum = 0;
        for (Partition p : partitions.values()) {
            sum += p.inFlight.get();
        }
        return sum;
    }

    /** Whether some record failed retriably and is not yet read again. */
    boolean anyFailed() {
        return partitions.values().stream().anyMatch(p -> !p.failed.isEmpty());
    }

    /** Records done since this tracker was created. */
    long doneCount() {
        return doneCount.get();
    }

    /** The safe offset of {@code tp}, or -1 when it is not tracked. */
    long safe(TopicPartition tp) {
        Partition p = partitions.get(tp);
        return p == null ? -1 : p.safe();
    }

    /**
     * The offsets to commit for {@code assigned}: those whose safe offset moved since the last
     * commit. Marks them committed.
     */
    Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> assigned) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : assigned) {
            Partition p = partitions.get(tp);
            if (p == null) {
                continue;
            }
            long safe = p.safe();
            if (safe > p.committed) {
                offsets.put(tp, new OffsetAndMetadata(safe));
                p.committed = safe;
            }
        }
        return offsets;
    }

    /**
     * Forgets what was taken from {@code tp} after its safe offset (it will be read again from
     * there), and returns that offset, or -1 when not tracked. Call only with nothing in flight.
     */
    long reset(TopicPartition tp) {
        Partition p = partitions.get(tp);
        if (p == null) {
            return -1;
        }
        long safe = p.safe();
        p.notDone.clear();
        p.failed.clear();
        p.inFlight.set(0);
        p.next = safe;
        return safe;
    }

    /** Stops tracking partitions this consumer no longer owns. */
    void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }
}
