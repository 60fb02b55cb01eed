package io.vigil.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostPolitenessTest {

    private final MutableClock clock = new MutableClock();
    private final HostPoliteness politeness =
            new HostPoliteness(Duration.ZERO, Duration.ofSeconds(10), clock);

    @Test
    void backsOffExponentiallyWithoutRetryAfterUpToTheCap() {
        assertThat(politeness.recordResponse("Example.org", 503, null))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(politeness.recordResponse("example.org", 503, null))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(politeness.recordResponse("example.org", 429, null))
                .isEqualTo(Duration.ofSeconds(4));
        assertThat(politeness.recordResponse("example.org", 429, null))
                .isEqualTo(Duration.ofSeconds(8));
        assertThat(politeness.recordResponse("example.org", 429, null))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(politeness.backoffRemaining("EXAMPLE.org")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void honoursRetryAfterCappedAndForgetsAfterSuccess() {
        politeness.recordResponse("example.org", 429, Duration.ofHours(5));
        assertThat(politeness.backoffRemaining("example.org")).isEqualTo(Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(4));
        assertThat(politeness.backoffRemaining("example.org")).isEqualTo(Duration.ofSeconds(6));

        politeness.recordResponse("example.org", 200, null);
        assertThat(politeness.backoffRemaining("example.org")).isZero();
        assertThat(politeness.recordResponse("example.org", 503, null))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(politeness.backoffRemaining("other.org")).isZero();
    }

    @Test
    void forgetsIdleHostsOnALongCrawl() throws InterruptedException {
        for (int i = 0; i < 10_050; i++) {
            politeness.acquire("host" + i + ".example", null).close();
        }
        clock.advance(Duration.ofSeconds(1));
        politeness.recordResponse("busy.example", 429, Duration.ofMinutes(5));

        try (HostPoliteness.Permit permit = politeness.acquire("next.example", null)) {
            assertThat(politeness.trackedHosts()).isLessThan(10);
        }
        assertThat(politeness.backoffRemaining("busy.example")).isEqualTo(Duration.ofSeconds(10));
    }
}
