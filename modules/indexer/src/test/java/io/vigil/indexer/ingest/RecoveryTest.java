package io.vigil.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecoveryTest {

    @Test
    void backsOffExponentiallyUpToTheMaximumAndResetsOnProgress() {
        Recovery r = new Recovery(Duration.ofMillis(100), Duration.ofMillis(350));
        assertThat(r.next(0)).hasMillis(100);
        r.succeededIf(0);
        assertThat(r.next(0)).hasMillis(200);
        assertThat(r.next(0)).hasMillis(350);
        assertThat(r.next(0)).hasMillis(350);
        r.succeededIf(5);
        assertThat(r.next(5)).hasMillis(100);
    }
}
