package io.vigil.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private final TopicPartition tp = new TopicPartition("t", 0);
    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsOnlyUpToTheFirstRecordNotDone() {
        tracker.begin(tp, 10);
        for (long o = 10; o < 15; o++) {
            tracker.taken(tp, o);
        }
        tracker.done(tp, 10);
        tracker.done(tp, 12);
        tracker.done(tp, 13);
        assertThat(tracker.committable(List.of(tp))).containsEntry(tp, new OffsetAndMetadata(11));
        assertThat(tracker.committable(List.of(tp))).as("nothing new").isEmpty();
        tracker.done(tp, 11);
        tracker.done(tp, 14);
        assertThat(tracker.committable(List.of(tp))).containsEntry(tp, new OffsetAndMetadata(15));
        assertThat(tracker.inFlight()).isZero();
        assertThat(tracker.doneCount()).isEqualTo(5);
    }

    @Test
    void aFailedRecordHoldsBackCommitsUntilResetToIt() {
        tracker.begin(tp, 0);
        tracker.taken(tp, 0);
        tracker.taken(tp, 1);
        tracker.taken(tp, 2);
        tracker.done(tp, 0);
        tracker.failed(tp, 1);
        tracker.done(tp, 2);
        assertThat(tracker.inFlight()).isZero();
        assertThat(tracker.anyFailed()).isTrue();
        assertThat(tracker.safe(tp)).isEqualTo(1);
        assertThat(tracker.reset(tp)).isEqualTo(1);
        assertThat(tracker.anyFailed()).isFalse();
        tracker.taken(tp, 1);
        assertThat(tracker.inFlight()).isEqualTo(1);
        tracker.done(tp, 1);
        assertThat(tracker.safe(tp)).isEqualTo(2);
    }

    @Test
    void aPartitionWithNothingTakenIsSafeWhereItBegan() {
        tracker.begin(tp, 42);
        assertThat(tracker.safe(tp)).isEqualTo(42);
        tracker.forget(List.of(tp));
        assertThat(tracker.safe(tp)).isEqualTo(-1);
        assertThat(tracker.committable(List.of(tp))).isEmpty();
    }
}
