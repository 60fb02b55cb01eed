package io.vigil.crawler.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FetchOutcomeTest {

    @Test
    void mapsStatusesAndDecidesRetries() {
        assertThat(FetchOutcome.fromHttpStatus(200)).isEqualTo(FetchOutcome.OK);
        assertThat(FetchOutcome.fromHttpStatus(304)).isEqualTo(FetchOutcome.NOT_MODIFIED);
        assertThat(FetchOutcome.fromHttpStatus(404)).isEqualTo(FetchOutcome.NOT_FOUND);
        assertThat(FetchOutcome.fromHttpStatus(410)).isEqualTo(FetchOutcome.GONE);
        assertThat(FetchOutcome.fromHttpStatus(403)).isEqualTo(FetchOutcome.CLIENT_ERROR);
        assertThat(FetchOutcome.fromHttpStatus(429)).isEqualTo(FetchOutcome.RATE_LIMITED);
        assertThat(FetchOutcome.fromHttpStatus(502)).isEqualTo(FetchOutcome.SERVER_ERROR);
        assertThat(FetchOutcome.SERVER_ERROR.isRetriable()).isTrue();
        assertThat(FetchOutcome.TIMEOUT.isRetriable()).isTrue();
        assertThat(FetchOutcome.GONE.isRetriable()).isFalse();
        assertThat(FetchOutcome.ADDRESS_BLOCKED.isRetriable()).isFalse();
        assertThat(FetchOutcome.TOO_LARGE.isRetriable()).isFalse();
    }
}
